package kz.appeals.bench.ceilings;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * Requests per second of an endpoint that does next to nothing, closed loop with {@code workers} clients: the
 * running intake's {@code /q/health/live} (SmallRye Health liveness, no database or broker check) stands for an
 * empty Quarkus endpoint on the same JVM settings. Counts 200s and their latency.
 */
public final class HttpEndpointProbe {

    private HttpEndpointProbe() {
    }

    public static Phase run(URI endpoint, int workers, Duration duration) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build();
        return ClosedLoopHttp.run(() -> request, 200, workers, Duration.ZERO, duration);
    }
}
