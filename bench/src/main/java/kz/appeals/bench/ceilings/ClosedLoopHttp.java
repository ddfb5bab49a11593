package kz.appeals.bench.ceilings;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * {@code workers} clients in a closed loop (each sends its next request when the previous one is answered) for
 * {@code warmup}, not counted, then {@code duration}: capacity at that concurrency. Every answer's status is counted;
 * the {@code success} answers are the operations, with their latency.
 *
 * <p>The clients are Vert.x HTTP/1.1 connections kept alive on one event loop: the generator shares the machine's
 * cores with what it measures, and a thread per client (or the JDK's client, which hands each exchange between its
 * selector and executor threads) cost it more CPU per request than the service it loads.
 */
public final class ClosedLoopHttp {

    /** One request to send: the body is null for a GET. */
    public record Call(HttpMethod method, URI uri, Map<String, String> headers, String body) {
    }

    private ClosedLoopHttp() {
    }

    public static Phase run(Supplier<Call> nextCall, int success, int workers, Duration warmup, Duration duration)
            throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(workers).setMaxWaitQueueSize(-1));
            Loop loop = new Loop(client, nextCall, Integer.toString(success), warmup, duration, workers);
            // each client's requests run on the event loop, so the counters need no synchronisation
            vertx.runOnContext(start -> {
                for (int i = 0; i < workers; i++) {
                    loop.send();
                }
            });
            if (!loop.finished.await(duration.plus(warmup).toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Requests still unanswered a minute after the measured phase");
            }
            return Phase.of(loop.succeeded, duration.toNanos() / 1e9, loop.micros, loop.statuses);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static final class Loop {

        private final HttpClient client;
        private final Supplier<Call> nextCall;
        private final String successStatus;
        private final long measureFrom;
        private final long end;
        private final CountDownLatch finished;
        private final Histogram micros = new Histogram(3);
        private final LongAdder succeeded = new LongAdder();
        private final Map<String, LongAdder> statuses = new HashMap<>();

        Loop(HttpClient client, Supplier<Call> nextCall, String successStatus, Duration warmup, Duration duration,
             int workers) {
            this.client = client;
            this.nextCall = nextCall;
            this.successStatus = successStatus;
            this.measureFrom = System.nanoTime() + warmup.toNanos();
            this.end = measureFrom + duration.toNanos();
            this.finished = new CountDownLatch(workers);
        }

        /** Sends the client's next request, or ends the client once the measured phase is over. */
        void send() {
            if (System.nanoTime() >= end) {
                finished.countDown();
                return;
            }
            Call call = nextCall.get();
            RequestOptions options = new RequestOptions().setMethod(call.method())
                    .setAbsoluteURI(call.uri().toString()).setTimeout(30_000);
            call.headers().forEach(options::putHeader);
            long started = System.nanoTime();
            client.request(options)
                    .compose(request -> call.body() == null ? request.send() : request.send(Buffer.buffer(call.body())))
                    .compose(response -> response.body().map(ignored -> Integer.toString(response.statusCode())))
                    .onComplete(answer -> {
                        record(answer.succeeded() ? answer.result() : answer.cause().getClass().getSimpleName(),
                                started, System.nanoTime());
                        send();
                    });
        }

        private void record(String status, long started, long finishedAt) {
            if (started < measureFrom || finishedAt > end) {
                return;
            }
            statuses.computeIfAbsent(status, key -> new LongAdder()).increment();
            if (status.equals(successStatus)) {
                succeeded.increment();
                micros.recordValue((finishedAt - started) / 1000);
            }
        }
    }
}
