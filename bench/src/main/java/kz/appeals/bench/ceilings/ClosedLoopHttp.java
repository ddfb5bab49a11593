package kz.appeals.bench.ceilings;

import kz.appeals.bench.CommandLine;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * {@code workers} clients in a closed loop (each sends its next request when the previous one is answered) for
 * {@code warmup}, not counted, then {@code duration}: capacity at that concurrency. Every answer's status is counted;
 * the {@code success} answers are the operations, with their latency.
 */
public final class ClosedLoopHttp {

    private ClosedLoopHttp() {
    }

    public static Phase run(Supplier<HttpRequest> nextRequest, int success, int workers, Duration warmup,
                            Duration duration) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Histogram micros = new ConcurrentHistogram(3);
        LongAdder succeeded = new LongAdder();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        String successStatus = Integer.toString(success);
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(CommandLine.daemon(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = nextRequest.get();
                    long started = System.nanoTime();
                    String status;
                    try {
                        status = Integer.toString(client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode());
                    } catch (Exception e) {
                        status = e.getClass().getSimpleName();
                    }
                    long finished = System.nanoTime();
                    if (started >= measureFrom && finished <= end) {
                        statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
                        if (status.equals(successStatus)) {
                            succeeded.increment();
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
        return Phase.of(succeeded, duration.toNanos() / 1e9, micros, statuses);
    }
}
