package kz.appeals.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.contracts.Topics;
import kz.appeals.systemtests.fuzz.FuzzRequest;
import kz.appeals.systemtests.fuzz.MalformedRecords;
import kz.appeals.systemtests.fuzz.Operation;
import kz.appeals.systemtests.fuzz.RequestFuzzer;
import kz.appeals.systemtests.fuzz.ResponseVerdict;
import kz.appeals.systemtests.fuzz.TableCounts;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 4: hostile input changes nothing. The five packaged services run as real processes; every operation
 * of their OpenAPI documents receives generated malformed or hostile requests, and afterwards no answer was a 5xx,
 * every error the services answer themselves is problem+json, no table gained or lost a row and no topic received a
 * record. Then malformed records on every consumed topic (broken values, broken or missing CloudEvents headers,
 * unknown types, wrong or missing keys) must land in each consumer's dead-letter topic with a reason, again without
 * a row written, and every consumer must move on past them.
 * <p>
 * {@code -Dfuzz.requests=N} (default 3,000; {@code ./appeals fuzz} runs 100,000), {@code -Dfuzz.seed=S} to repeat a
 * run, {@code -Dfuzz.concurrency=C} (default 4).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzIT {

    private static final long REQUESTS = Long.getLong("fuzz.requests", 3_000);
    /** Fixed by default so that CI judges the same requests every run; {@code ./appeals fuzz} draws a new one. */
    private static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    private static final int CONCURRENCY = Integer.getInteger("fuzz.concurrency", 4);
    private static final int EXAMPLES_PER_FINDING = 5;

    /** Each service's consumer group and the topics it reads (the calendar reader of intake commits nothing). */
    private static final Map<String, List<String>> CONSUMED = new LinkedHashMap<>();
    static {
        CONSUMED.put("intake", List.of(Topics.TERRITORY, Topics.ROUTING, Topics.RESPONSE, Topics.ESCALATION));
        CONSUMED.put("routing", List.of(Topics.INTAKE, Topics.RESPONSE));
        CONSUMED.put("response", List.of(Topics.ROUTING, Topics.ESCALATION, Topics.INTAKE));
        CONSUMED.put("escalation", List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE));
        CONSUMED.put("analytics", Topics.LIFECYCLE);
    }

    /** Who must dead-letter a malformed record on each topic: its consumers, intake's calendar reader included. */
    private static final Map<String, List<String>> CONSUMERS_OF = new LinkedHashMap<>();
    static {
        for (String topic : List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE, Topics.ESCALATION,
                Topics.TERRITORY)) {
            CONSUMERS_OF.put(topic, CONSUMED.entrySet().stream().filter(e -> e.getValue().contains(topic))
                    .map(Map.Entry::getKey).toList());
        }
        CONSUMERS_OF.put(Topics.CALENDAR, List.of("intake"));
    }

    private static final Map<String, ServiceProcess> SERVICES = new LinkedHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startTheSystem() throws Exception {
        int port = 28081;
        for (String name : CONSUMED.keySet()) {
            // The law's clock writes on its own: once a day is past, the sweeper escalates what the earlier
            // modules' fixtures left to lapse. It sweeps at start, before the row counts are taken, and then not
            // again during the run, so that every row counted is one a request or a record could have written.
            Map<String, String> environment = name.equals("escalation")
                    ? Map.of("APPEALS_ESCALATION_SWEEP_EVERY", "24h") : Map.of();
            SERVICES.put(name, new ServiceProcess(name, port++, environment).start());
        }
        for (ServiceProcess service : SERVICES.values()) {
            service.awaitReady(Duration.ofSeconds(180));
        }
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        for (ServiceProcess service : SERVICES.values()) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void hostileRequestsAreRefusedWithoutWritingOrPublishingAnything() throws Exception {
        List<Operation> operations = new ArrayList<>();
        for (var service : SERVICES.entrySet()) {
            operations.addAll(Operation.of(service.getKey(), service.getValue().baseUrl(),
                    get(service.getValue().baseUrl() + "/q/openapi?format=json")));
        }
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, operations, ServiceProcess.ROOT);
        System.out.printf("ApiFuzzIT: seed %d (-Dfuzz.seed=%d repeats this run), %d requests over %d operations%n",
                SEED, SEED, REQUESTS, operations.size());

        awaitQuiet();
        Map<String, Long> rowsBefore = TableCounts.now();
        List<KafkaProbe> probes = new ArrayList<>();
        List<String> watched = Stream.concat(Stream.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE,
                Topics.ESCALATION, Topics.TERRITORY, Topics.CALENDAR), CONSUMED.keySet().stream().map(Topics::deadLetter))
                .toList();
        try {
            for (String topic : watched) {
                probes.add(new KafkaProbe(topic));
            }
            ResponseVerdict verdict = fuzz(fuzzer);
            System.out.println(verdict.summary());
            assertTrue(verdict.findings().isEmpty(), () -> "seed " + SEED + ": " + verdict.report(EXAMPLES_PER_FINDING));

            awaitQuiet();
            List<ConsumerRecord<String, String>> published = new ArrayList<>();
            for (KafkaProbe probe : probes) {
                published.addAll(probe.collect(Duration.ofMillis(500)));
            }
            assertEquals(List.of(), published.stream().map(r -> r.topic() + " " + r.key() + " "
                    + KafkaProbe.header(r, "ce_type")).toList(), "no record may be published, seed " + SEED);
        } finally {
            probes.forEach(KafkaProbe::close);
        }
        Map<String, Long> rowsAfter = TableCounts.now();
        assertEquals(rowsBefore, rowsAfter, "no row may be written or deleted, seed " + SEED);
        for (ServiceProcess service : SERVICES.values()) {
            service.awaitReady(Duration.ofSeconds(10));
        }
    }

    @Test
    @Order(2)
    void malformedRecordsOnEveryConsumedTopicLandInEachConsumersDeadLetterTopic() throws Exception {
        awaitQuiet();
        Map<String, Long> rowsBefore = TableCounts.now();
        Map<String, KafkaProbe> deadLetters = new LinkedHashMap<>();
        Map<String, Map<String, ConsumerRecord<String, String>>> parked = new LinkedHashMap<>();
        StringBuilder reasons = new StringBuilder();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String service : SERVICES.keySet()) {
                deadLetters.put(service, new KafkaProbe(Topics.deadLetter(service)));
            }
            // sent record (topic/partition/offset, as the dead-letter headers name it) -> its case
            Map<String, MalformedRecords.Case> sent = new LinkedHashMap<>();
            for (String topic : CONSUMERS_OF.keySet()) {
                for (MalformedRecords.Case malformed : MalformedRecords.forTopic(topic)) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, malformed.key(), malformed.value());
                    malformed.headers().forEach((name, value) -> record.headers().add(name, value));
                    RecordMetadata at = producer.send(record).get();
                    sent.put(topic + "/" + at.partition() + "/" + at.offset(), malformed);
                }
            }
            Instant deadline = Instant.now().plusSeconds(90);
            for (var service : deadLetters.entrySet()) {
                Map<String, ConsumerRecord<String, String>> found = new LinkedHashMap<>();
                long expected = sent.values().stream().filter(c -> CONSUMERS_OF.get(c.topic()).contains(service.getKey()))
                        .count();
                while (found.size() < expected && Instant.now().isBefore(deadline)) {
                    for (ConsumerRecord<String, String> record : service.getValue().collect(Duration.ofSeconds(1))) {
                        String origin = KafkaProbe.header(record, "dead-letter-topic") + "/"
                                + KafkaProbe.header(record, "dead-letter-partition") + "/"
                                + KafkaProbe.header(record, "dead-letter-offset");
                        if (sent.containsKey(origin)) {
                            found.put(origin, record);
                        }
                    }
                }
                parked.put(service.getKey(), found);
            }
            List<String> missing = new ArrayList<>();
            sent.forEach((origin, malformed) -> CONSUMERS_OF.get(malformed.topic()).forEach(service -> {
                ConsumerRecord<String, String> record = parked.get(service).get(origin);
                String reason = record == null ? null : KafkaProbe.header(record, "dead-letter-reason");
                if (reason == null || reason.isBlank()) {
                    missing.add(service + " <- " + malformed.topic() + ": " + malformed.kind()
                            + (record == null ? " (not dead-lettered)" : " (no reason)"));
                } else {
                    reasons.append(String.format("  %-11s <- %-18s %-36s %s%n", service, malformed.topic(),
                            malformed.kind(), FuzzRequest.abbreviate(reason, 110)));
                }
            }));
            System.out.print("ApiFuzzIT: dead letters\n" + reasons);
            assertEquals(List.of(), missing, "every consumer parks every malformed record with a reason");
        } finally {
            deadLetters.values().forEach(KafkaProbe::close);
        }
        // moved on: every group committed past the malformed records, and nothing of them was applied
        awaitQuiet();
        assertEquals(rowsBefore, TableCounts.now(), "malformed records must not write rows");
        for (ServiceProcess service : SERVICES.values()) {
            service.awaitReady(Duration.ofSeconds(10));
        }
    }

    private static ResponseVerdict fuzz(RequestFuzzer fuzzer) throws InterruptedException {
        ResponseVerdict verdict = new ResponseVerdict();
        AtomicLong next = new AtomicLong();
        Instant started = Instant.now();
        ExecutorService workers = Executors.newFixedThreadPool(CONCURRENCY);
        for (int i = 0; i < CONCURRENCY; i++) {
            workers.submit(() -> {
                for (long index = next.getAndIncrement(); index < REQUESTS; index = next.getAndIncrement()) {
                    FuzzRequest request = fuzzer.generate(index);
                    try {
                        verdict.judge(request, send(request, verdict));
                    } catch (IOException e) {
                        verdict.transportFailure(request, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (RuntimeException e) {
                        verdict.generatorFailure(request, e);
                    }
                    if ((index + 1) % 10_000 == 0) {
                        System.out.printf("ApiFuzzIT: %d requests in %s%n", index + 1,
                                Duration.between(started, Instant.now()).withNanos(0));
                    }
                }
            });
        }
        workers.shutdown();
        if (!workers.awaitTermination(3, TimeUnit.HOURS)) {
            workers.shutdownNow();
            throw new AssertionError("fuzzing did not finish");
        }
        verdict.finished(Duration.between(started, Instant.now()));
        return verdict;
    }

    /**
     * After answering some hostile requests the server closes the connection without saying so; the client learns
     * it only when it reuses that connection for the next request, which then gets a second, fresh try.
     */
    private static HttpResponse<byte[]> send(FuzzRequest request, ResponseVerdict verdict)
            throws IOException, InterruptedException {
        try {
            return HTTP.send(request.toHttpRequest(Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closedUnderUs) {
            if (closedUnderUs instanceof java.net.http.HttpTimeoutException || request.oversized()) {
                throw closedUnderUs;
            }
            verdict.retried();
            return HTTP.send(request.toHttpRequest(Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    /**
     * Waits until nothing moves: every outbox empty and every consumer group past the end of what it reads, twice
     * in a row (a consumed event may itself publish). Earlier tests on the shared broker leave work behind.
     */
    private static void awaitQuiet() throws Exception {
        for (int round = 0; round < 2; round++) {
            for (var service : SERVICES.entrySet()) {
                awaitEmptyOutbox(service.getValue());
                KafkaProbe.awaitCaughtUp(service.getKey() + "-service", CONSUMED.get(service.getKey()),
                        Duration.ofMinutes(3));
            }
        }
    }

    private static void awaitEmptyOutbox(ServiceProcess service) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            JsonNode ready = get(service.baseUrl() + "/q/health/ready");
            long backlog = 0;
            for (JsonNode check : ready.path("checks")) {
                if (check.path("name").asText().equals("outbox")) {
                    backlog = check.path("data").path("backlog").asLong();
                }
            }
            if (backlog == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service.baseUrl() + " still has an outbox backlog after 120 s");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }
}
