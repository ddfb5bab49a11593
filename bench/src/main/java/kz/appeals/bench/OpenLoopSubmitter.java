package kz.appeals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Submits appeals open loop: appeal {@code i} is due at {@code start + i / rate} whatever happened to the ones
 * before, and its latency counts from that due time. A slow server therefore shows up as latency (including the time
 * a request waited for a free connection) instead of silently lowering the offered rate.
 */
public final class OpenLoopSubmitter {

    /** The offered load: {@code appeals} submissions at {@code ratePerSecond}, at most {@code concurrency} in flight. */
    public record Load(int appeals, double ratePerSecond, int concurrency, URI intake) {
        static Load of(BenchOptions options) {
            return new Load(options.appeals(), options.ratePerSecond(), options.concurrency(), options.intake());
        }
    }

    /** What the caller learns of each submission, from the HTTP client's threads. */
    public interface Events {
        /** A 201 with its receipt; {@code index} is the appeal's place in the run (0-based). */
        void accepted(UUID appealId, String applicantRef, int index, long dueNanos);

        /** Any HTTP response, with its latency from the due time; for per-second intervals. */
        default void responded(int status, long latencyMicros) {
        }
    }

    /** A request that got no answer by then counts as an error; keeps the end of a run bounded. */
    public static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final int FAILURE_SAMPLES = 5;
    private static final int SAMPLE_BODY_CHARS = 300;

    private final Load load;
    private final String authorization;
    private final IntFunction<String> bodies;
    private final Events events;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client;
    private final URI appeals;

    private final Histogram latencyMicros = new ConcurrentHistogram(3);
    private final AtomicLong sent = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final List<String> failureSamples = new ArrayList<>();
    private final LongAccumulator lastResponseNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final LongAccumulator maxSendLagNanos = new LongAccumulator(Math::max, 0);

    /** What the submissions came to; latencies in microseconds. */
    public record Result(long sent, long accepted, long errors, Map<Integer, Long> statuses, Histogram latencyMicros,
                  long lastResponseNanos, long maxSendLagNanos, List<String> failureSamples) {
    }

    /** @param bodies the JSON body of appeal {@code i} (called once per appeal, on the sending thread) */
    public OpenLoopSubmitter(Load load, String token, IntFunction<String> bodies, Events events) {
        this.load = load;
        this.authorization = "Bearer " + token;
        this.bodies = bodies;
        this.events = events;
        // Response handling is light (one small JSON body); a few threads keep the generator off the 2 cores.
        ExecutorService executor = Executors.newFixedThreadPool(
                Math.min(4, Runtime.getRuntime().availableProcessors()), daemonThreads());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.appeals = URI.create(load.intake() + "/api/v1/appeals");
    }

    public long sent() {
        return sent.get();
    }

    public long accepted() {
        return accepted.sum();
    }

    /** Everything not accepted: answered with another status, a 201 without a usable id, or not answered. */
    public long failed() {
        long answered = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        return answered - accepted.sum() + errors.sum();
    }

    /** Sends every appeal on schedule, then waits for the last response (or its timeout). */
    public Result run(long startNanos) throws InterruptedException {
        double intervalNanos = TimeUnit.SECONDS.toNanos(1) / load.ratePerSecond();
        Semaphore inFlight = new Semaphore(load.concurrency());
        for (int i = 0; i < load.appeals(); i++) {
            long due = startNanos + Math.round(i * intervalNanos);
            parkUntil(due);
            inFlight.acquire();
            maxSendLagNanos.accumulate(System.nanoTime() - due);
            sent.incrementAndGet();
            int index = i;
            client.sendAsync(request(bodies.apply(i)), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        try {
                            completed(index, due, response, failure);
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        inFlight.acquire(load.concurrency());
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        synchronized (failureSamples) {
            return new Result(sent.get(), accepted.sum(), errors.sum(), counts, latencyMicros.copy(),
                    lastResponseNanos.get(), maxSendLagNanos.get(), List.copyOf(failureSamples));
        }
    }

    private HttpRequest request(String body) {
        return HttpRequest.newBuilder(appeals)
                .timeout(HTTP_TIMEOUT)
                .header("Authorization", authorization)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void completed(int index, long dueNanos, HttpResponse<String> response, Throwable failure) {
        long now = System.nanoTime();
        lastResponseNanos.accumulate(now);
        if (failure != null) {
            errors.increment();
            sample(failure.getClass().getSimpleName() + ": " + failure.getMessage());
            return;
        }
        long micros = Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - dueNanos));
        latencyMicros.recordValue(micros);
        events.responded(response.statusCode(), micros);
        statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
        if (response.statusCode() != 201) {
            sample(response.statusCode() + " " + truncate(response.body()));
            return;
        }
        try {
            JsonNode receipt = json.readTree(response.body());
            UUID appealId = UUID.fromString(receipt.path("appealId").asText());
            String applicantRef = receipt.path("applicantRef").isTextual() ? receipt.path("applicantRef").asText() : null;
            accepted.increment();
            events.accepted(appealId, applicantRef, index, dueNanos);
        } catch (IOException | IllegalArgumentException e) {
            // Registered, but without its id it cannot be followed to routing: reported, not counted as accepted.
            sample("201 without a readable appealId: " + truncate(response.body()));
        }
    }

    private void sample(String failure) {
        synchronized (failureSamples) {
            if (failureSamples.size() < FAILURE_SAMPLES) {
                failureSamples.add(failure);
            }
        }
    }

    private static String truncate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= SAMPLE_BODY_CHARS ? oneLine : oneLine.substring(0, SAMPLE_BODY_CHARS) + "...";
    }

    private static void parkUntil(long dueNanos) {
        long wait;
        while ((wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicLong count = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, "http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
