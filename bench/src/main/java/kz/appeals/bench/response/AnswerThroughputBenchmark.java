package kz.appeals.bench.response;

import kz.appeals.bench.CommandLine;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Answers per second through a running response service: routes {@code --appeals} appeals to a fresh office by
 * publishing routing's events on Kafka, waits until they are all in the office's inbox, then answers every one of
 * them over HTTP with {@code --concurrency} clerks at once (closed loop: each clerk answers its next appeal when the
 * previous answer returned), and reports throughput and latency. Every answer is a real transaction of the
 * service: status change, answer row, audit row and outbox event.
 */
public final class AnswerThroughputBenchmark {

    static final String USAGE = """
            Usage: ./appeals bench answers [--name=value ...]

            Routes appeals to a fresh office through Kafka, then answers all of them through the response service.

              --service=URL       response-service base address (default http://127.0.0.1:8083)
              --kafka=HOST:PORT   Kafka bootstrap servers (default 127.0.0.1:59092)
              --key=PEM           private key whose public half the service trusts
                                  (default .run/system/keys/jwt-private.pem)
              --appeals=N         appeals to route and answer (default 2000)
              --concurrency=C     clerks answering at once (default 8)
              --timeout=SECONDS   how long to wait for the appeals to reach the inbox (default 120)
            """;

    private AnswerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = CommandLine.options(args,
                Set.of("service", "kafka", "key", "appeals", "concurrency", "timeout"));
        URI service = URI.create(options.getOrDefault("service", "http://127.0.0.1:8083"));
        int appeals = Integer.parseInt(options.getOrDefault("appeals", "2000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        Duration timeout = CommandLine.duration("timeout", options.getOrDefault("timeout", "120s"));
        // A KATO code no real or sample office has (region 98 is unused), fresh per run.
        String office = String.format("98%04d000", ThreadLocalRandom.current().nextInt(10_000));
        String token = Tokens.build("akim-office", office, "bench-clerk-" + office,
                Tokens.readPrivateKey(Path.of(options.getOrDefault("key", ".run/system/keys/jwt-private.pem"))));

        List<UUID> ids = route(options.getOrDefault("kafka", "127.0.0.1:59092"), office, appeals);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        awaitInbox(http, service, token, appeals, timeout);
        System.err.printf(Locale.ROOT, "%d appeals in office %s's inbox; answering with %d clerks%n", appeals, office,
                concurrency);

        Histogram latency = new Histogram(60_000_000_000L, 3);
        ConcurrentLinkedQueue<UUID> queue = new ConcurrentLinkedQueue<>(ids);
        Map<Integer, AtomicInteger> statuses = new HashMap<>();
        for (int status : new int[]{200, 409, 500}) {
            statuses.put(status, new AtomicInteger());
        }
        AtomicInteger other = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        ExecutorService clerks = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            clerks.submit(() -> {
                UUID id;
                while ((id = queue.poll()) != null) {
                    HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/appeals/" + id + "/answer"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"SATISFIED\",\"language\":\"ru\","
                                    + "\"text\":\"Яма на участке заделана, покрытие восстановлено.\"}"))
                            .build();
                    long sent = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        synchronized (latency) {
                            latency.recordValue(System.nanoTime() - sent);
                        }
                        statuses.getOrDefault(status, other).incrementAndGet();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        clerks.shutdown();
        if (!clerks.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("answers did not finish in 30 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int answered = statuses.get(200).get();
        String json = String.format(Locale.ROOT, "{\"benchmark\":\"answers\",\"appeals\":%d,\"concurrency\":%d,"
                        + "\"answered\":%d,\"status409\":%d,\"status500\":%d,\"otherStatus\":%d,\"transportFailures\":%d,"
                        + "\"seconds\":%.2f,\"answersPerSecond\":%.1f,\"p50Ms\":%.2f,\"p90Ms\":%.2f,\"p99Ms\":%.2f,"
                        + "\"maxMs\":%.2f}",
                appeals, concurrency, answered, statuses.get(409).get(), statuses.get(500).get(), other.get(),
                failures.get(), seconds, answered / seconds, latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(90) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6);
        System.out.println(json);
        System.err.printf(Locale.ROOT, "%d of %d answered in %.1f s: %.1f answers/s, p50 %.1f ms, p99 %.1f ms%n",
                answered, appeals, seconds, answered / seconds, latency.getValueAtPercentile(50) / 1e6,
                latency.getValueAtPercentile(99) / 1e6);
        System.exit(answered == appeals ? 0 : 1);
    }

    /** Publishes routing's decision for each appeal, as routing's outbox relay would. */
    private static List<UUID> route(String kafka, String office, int count) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        Body body = new Body("rural-akim:" + office, BodyLevel.RURAL_DISTRICT, office, "Бенчмарк", "Бенчмарк");
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                Routed routed = new Routed(id, "KZ-BENCH-" + id, body, office, office.substring(0, 4) + "00000",
                        office.substring(0, 2) + "0000000", RoutingMethod.KATO, "Benchmark", AppealType.APPLICATION,
                        "roads", "Яма на дороге", Language.ru, today, now);
                ProducerRecord<String, String> record = new ProducerRecord<>(EventType.ROUTED.topic(),
                        id.toString(), ContractJson.mapper().writeValueAsString(routed));
                KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), id.toString()).forEach((name, value) ->
                        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record);
                ids.add(id);
            }
            producer.flush();
        }
        return ids;
    }

    private static void awaitInbox(HttpClient http, URI service, String token, int count, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/inbox?size=1"))
                .header("Authorization", "Bearer " + token).build();
        while (true) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200
                    && ContractJson.mapper().readTree(response.body()).path("totalItems").asLong() >= count) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the appeals did not all reach the inbox within " + timeout
                        + "; last answer " + response.statusCode() + " " + response.body());
            }
            Thread.sleep(500);
        }
    }
}
