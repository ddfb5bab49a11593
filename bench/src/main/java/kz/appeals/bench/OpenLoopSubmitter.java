package kz.appeals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
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
 *
 * <p>The requests go over Vert.x HTTP/1.1 connections kept alive on one event loop, which also reads the answers:
 * the generator shares the machine's cores with what it measures.
 */
public final class OpenLoopSubmitter {

    /** The offered load: {@code appeals} submissions at {@code ratePerSecond}, at most {@code concurrency} in flight. */
    public record Load(int appeals, double ratePerSecond, int concurrency, URI intake) {
        static Load of(BenchOptions options) {
            return new Load(options.appeals(), options.ratePerSecond(), options.concurrency(), options.intake());
        }
    }

    /** What the caller learns of each submission, from the HTTP client's event loop thread. */
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
    private final Vertx vertx;
    private final HttpClient client;
    private final String appeals;

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
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        // as many connections as requests may be in flight: none waits for a connection the semaphore let through
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(load.concurrency()).setMaxWaitQueueSize(-1));
        this.appeals = URI.create(load.intake() + "/api/v1/appeals").toString();
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

    /** Sends every appeal on schedule, then waits for the last response (or its timeout), and closes the client. */
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
            Buffer body = Buffer.buffer(bodies.apply(i));
            client.request(request())
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(answer -> new Answer(response.statusCode(),
                            answer.toString())))
                    .onComplete(answer -> {
                        try {
                            completed(index, due, answer.result(), answer.cause());
                        } finally {
                            inFlight.release();
                        }
                    });
        }
        inFlight.acquire(load.concurrency());
        vertx.close().toCompletionStage().toCompletableFuture().join();
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        synchronized (failureSamples) {
            return new Result(sent.get(), accepted.sum(), errors.sum(), counts, latencyMicros.copy(),
                    lastResponseNanos.get(), maxSendLagNanos.get(), List.copyOf(failureSamples));
        }
    }

    private RequestOptions request() {
        return new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(appeals)
                .setTimeout(HTTP_TIMEOUT.toMillis())
                .putHeader("Authorization", authorization)
                .putHeader("Idempotency-Key", UUID.randomUUID().toString())
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json");
    }

    private record Answer(int statusCode, String body) {
    }

    private void completed(int index, long dueNanos, Answer response, Throwable failure) {
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
}
