package kz.appeals.bench.ceilings;

import kz.appeals.bench.CommandLine;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per second of an endpoint that does next to nothing, closed loop with {@code workers} clients: the
 * running intake's {@code /q/health/live} (SmallRye Health liveness, no database or broker check) stands for an
 * empty Quarkus endpoint on the same JVM settings. Counts 200s and their latency.
 */
public final class HttpEndpointProbe {

    private HttpEndpointProbe() {
    }

    public static Phase run(URI endpoint, int workers, Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build();
        Histogram micros = new ConcurrentHistogram(3);
        LongAdder ok = new LongAdder();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(CommandLine.daemon(() -> {
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    String status;
                    try {
                        status = Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode());
                    } catch (Exception e) {
                        status = e.getClass().getSimpleName();
                    }
                    long finished = System.nanoTime();
                    if (finished <= end) {
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                        if (status.equals("200")) {
                            ok.increment();
                            micros.recordValue((finished - started) / 1000);
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        return Phase.of(ok, duration.toNanos() / 1e9, micros, statuses);
    }
}
