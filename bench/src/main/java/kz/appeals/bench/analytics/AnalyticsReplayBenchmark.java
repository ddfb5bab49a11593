package kz.appeals.bench.analytics;

import kz.appeals.bench.CommandLine;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Replays a year of lifecycle events in the national shape (20 regions, 10 districts each, about 2,334 rural
 * districts) into a running analytics service through Kafka, as the other services publish them, and reports how
 * fast analytics works through them and how fast a region's ranking answers afterwards. Office behaviour is
 * simulated: most appeals are answered on time and rated, some extended, some ignored until deemed refused and
 * escalated, a few up to the Presidential Administration; a share of applicants write repeatedly.
 */
public final class AnalyticsReplayBenchmark {

    public static final String NAME = "analytics-replay";

    static final String USAGE = """
            Usage: ./appeals bench analytics-replay [--name=value ...]

            Publishes --events lifecycle events of a simulated year onto the lifecycle topics, waits until the
            analytics consumer group has committed past all of them, then times region rankings over HTTP.

              --service=URL       analytics-service base address (default http://127.0.0.1:8085)
              --kafka=HOST:PORT   Kafka bootstrap servers (default 127.0.0.1:59092)
              --key=PEM           private key whose public half the service trusts
                                  (default .run/system/keys/jwt-private.pem)
              --events=N          events to publish (default 100000; the issue's target is 10000000)
              --queries=Q         ranking queries after the replay (default 400)
              --seed=S            random seed of the simulated year (default 2026)
              --timeout=SECONDS   how long to wait for analytics to catch up (default 3600)
              --out=FILE          JSON report, also printed (default bench/results/analytics-replay-<UTC time>.json)
            """;

    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static final List<String> CATEGORIES = List.of("roads", "roads", "roads", "yards", "yards",
            "playgrounds", "lighting", "water", "waste", "transport");
    private static final int REGIONS = 20;
    private static final int DISTRICTS_PER_REGION = 10;
    private static final int RURAL_DISTRICTS = 2_334;
    private static final LocalDate YEAR = LocalDate.of(2026, 1, 1);

    private AnalyticsReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = CommandLine.options(args,
                Set.of("service", "kafka", "key", "events", "queries", "seed", "timeout", "out"));
        Path out = Path.of(options.getOrDefault("out",
                "bench/results/" + NAME + "-" + FILE_TIMESTAMP.format(Instant.now()) + ".json"));
        URI service = URI.create(options.getOrDefault("service", "http://127.0.0.1:8085"));
        String kafka = options.getOrDefault("kafka", "127.0.0.1:59092");
        long events = Long.parseLong(options.getOrDefault("events", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "400"));
        SplittableRandom random = new SplittableRandom(Long.parseLong(options.getOrDefault("seed", "2026")));
        Duration timeout = CommandLine.duration("timeout", options.getOrDefault("timeout", "3600s"));
        String token = Tokens.build("analyst", null, "bench-analyst",
                Tokens.readPrivateKey(Path.of(options.getOrDefault("key", ".run/system/keys/jwt-private.pem"))));
        // Region codes 20..39: no real or sample region, so the replay's territories are its own.
        List<String> regions = java.util.stream.IntStream.range(0, REGIONS)
                .mapToObj(r -> String.format("%02d0000000", 20 + r)).toList();

        long start = System.nanoTime();
        long published = publish(kafka, events, random, regions);
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "published %d events in %.1f s (%.0f/s); waiting for analytics%n", published,
                publishSeconds, published / publishSeconds);
        awaitCaughtUp(kafka, timeout, start, published);
        double replaySeconds = (System.nanoTime() - start) / 1e9;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        int failures = 0;
        for (int q = 0; q < queries; q++) {
            String region = regions.get(q % regions.size());
            HttpRequest request = HttpRequest.newBuilder(service.resolve("/api/v1/rankings/rural-districts?regionKato="
                    + region + "&from=2026-01-01&to=2026-12-31")).header("Authorization", "Bearer " + token).build();
            long sent = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            latency.recordValue(System.nanoTime() - sent);
            failures += status == 200 ? 0 : 1;
        }
        String json = String.format(Locale.ROOT, "{\"benchmark\":\"%s\",\"events\":%d,\"publishSeconds\":%.1f,"
                        + "\"replaySeconds\":%.1f,\"eventsPerSecond\":%.0f,\"rankingQueries\":%d,\"rankingFailures\":%d,"
                        + "\"rankingP50Ms\":%.2f,\"rankingP99Ms\":%.2f,\"rankingMaxMs\":%.2f}", NAME, published,
                publishSeconds, replaySeconds, published / replaySeconds, queries, failures,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                latency.getMaxValue() / 1e6);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json + "\n");
        System.out.println(json);
        System.err.println("bench analytics-replay: report written to " + out);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One appeal's life at a time, each event on its topic, until {@code events} are out. */
    private static long publish(String kafka, long events, SplittableRandom random, List<String> regions)
            throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        long sent = 0;
        // A tenth of the applicants write a quarter of the appeals: the "professional" complainants.
        int applicants = (int) Math.max(1000, events / 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            while (sent < events) {
                for (AppealEvent event : life(random, regions, applicants)) {
                    if (sent++ >= events) {
                        break;
                    }
                    EventType type = EventType.of(event.getClass());
                    ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.subject(),
                            ContractJson.mapper().writeValueAsString(event));
                    KafkaProbe.cloudEventHeaders(type, UUID.randomUUID(), event.subject()).forEach((name, value) ->
                            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                    producer.send(record);
                }
                if (sent % 100_000 < 8) {
                    System.err.printf(Locale.ROOT, "\rpublished %,d of %,d", sent, events);
                }
            }
            producer.flush();
        }
        System.err.println();
        return Math.min(sent, events);
    }

    /** An appeal's events: submitted and routed, then what the simulated office does. */
    private static List<AppealEvent> life(SplittableRandom random, List<String> regions, int applicants) {
        UUID appeal = UUID.randomUUID();
        int ruralIndex = random.nextInt(RURAL_DISTRICTS);
        String region = regions.get(ruralIndex % REGIONS);
        String district = region.substring(0, 2) + String.format("%02d", 10 + (ruralIndex / REGIONS)
                % DISTRICTS_PER_REGION) + "00000";
        String ruralDistrict = district.substring(0, 4) + String.format("%02d", 21 + ruralIndex
                / (REGIONS * DISTRICTS_PER_REGION)) + "000";
        LocalDate day = YEAR.plusDays(random.nextInt(365));
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.ofHours(5)).plusSeconds(random.nextInt(8 * 3600));
        int applicant = random.nextInt(10) == 0 ? random.nextInt(applicants / 10 + 1) : random.nextInt(applicants);
        String applicantRef = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(applicant).array());
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        Body body = new Body("RD-" + ruralDistrict, BodyLevel.RURAL_DISTRICT, ruralDistrict, "Әкім аппараты",
                "Аппарат акима");
        List<AppealEvent> life = new java.util.ArrayList<>(List.of(
                new Submitted(appeal, "KZ-REPLAY", AppealType.APPLICATION, category, "Жол жөндеу", Language.kk,
                        new Location(null, 48.0, 67.0, null), "egov", applicantRef, false, 0, at, day, at),
                new Routed(appeal, "KZ-REPLAY", body, ruralDistrict, district, region, RoutingMethod.COORDINATES,
                        "by coordinates", AppealType.APPLICATION, category, "Жол жөндеу", Language.kk, day,
                        at.plusSeconds(1), List.of(), null)));
        int behaviour = random.nextInt(100);
        if (behaviour < 8) {
            // Ignored: deemed refused after 15 working days, escalated; one in four of those to the centre.
            Instant lapsed = at.plus(Duration.ofDays(22));
            life.add(new DeemedRefused(appeal, body.code(), BodyLevel.RURAL_DISTRICT, day.plusDays(21), lapsed));
            life.add(new Escalated(appeal, body, new Body("DA-" + district, BodyLevel.DISTRICT_AKIMAT, district,
                    "Аудан әкімдігі", "Акимат района"), day.plusDays(21), day.plusDays(42), lapsed.plusSeconds(1)));
            if (behaviour < 2) {
                life.add(new Escalated(appeal, body, new Body("PA", BodyLevel.PRESIDENTIAL_ADMINISTRATION, null,
                        "ҚР Президентінің Әкімшілігі", "Администрация Президента РК"), day.plusDays(63), null,
                        lapsed.plus(Duration.ofDays(42))));
            }
            return life;
        }
        Instant answeredAt = at.plus(Duration.ofDays(1 + random.nextInt(behaviour < 15 ? 40 : 18)));
        if (behaviour < 15) {
            life.add(new Extended(appeal, body.code(), day.plusDays(60), "field survey", "head", at.plus(
                    Duration.ofDays(10))));
        }
        Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
        life.add(new Answered(appeal, body.code(), outcome, Language.kk, "Жауап", 1, "officer", answeredAt));
        if (random.nextInt(2) == 0) {
            life.add(new Rated(appeal, body.code(), outcome != Outcome.REFUSED, null, 1,
                    answeredAt.plus(Duration.ofDays(2)), applicantRef));
        }
        return life;
    }

    /** Until the analytics group's committed offsets reach the topics' ends, with progress on the terminal. */
    private static void awaitCaughtUp(String kafka, Duration timeout, long start, long published) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(Topics.LIFECYCLE).allTopicNames().get().values().forEach(topic ->
                    topic.partitions().forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("analytics-service").partitionsToOffsetAndMetadata().get();
                long behind = 0;
                for (var end : ends.entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.err.printf(Locale.ROOT, "\ranalytics behind by %,d records after %.0f s", behind, seconds);
                if (behind == 0) {
                    System.err.println();
                    return;
                }
                Thread.sleep(1000);
            }
            throw new IllegalStateException("analytics did not catch up with " + published + " events in " + timeout);
        }
    }
}
