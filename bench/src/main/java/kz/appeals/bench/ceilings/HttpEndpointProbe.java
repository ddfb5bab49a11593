package kz.appeals.bench.ceilings;

import io.vertx.core.http.HttpMethod;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Requests per second of an endpoint that does next to nothing, closed loop with {@code workers} clients: the
 * running intake's {@code /q/health/live} (SmallRye Health liveness, no database or broker check) stands for an
 * empty Quarkus endpoint on the same JVM settings. Counts 200s and their latency.
 */
public final class HttpEndpointProbe {

    private HttpEndpointProbe() {
    }

    public static Phase run(URI endpoint, int workers, Duration duration) throws InterruptedException {
        ClosedLoopHttp.Call call = new ClosedLoopHttp.Call(HttpMethod.GET, endpoint, Map.of(), null);
        return ClosedLoopHttp.run(() -> call, 200, workers, Duration.ZERO, duration);
    }
}
