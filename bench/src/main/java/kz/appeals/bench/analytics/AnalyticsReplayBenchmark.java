package kz.appeals.bench.analytics;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import kz.appeals.bench.CommandLine;
import kz.appeals.bench.ServiceUnderTest;
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
import kz.appeals.contracts.BodyCode;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Rebuilds analytics from a simulated national year of lifecycle events, as the documented rebuild does (docs/
 * operations.md, "Rebuild analytics"), and times it. Against a PostgreSQL and Kafka of its own (the test instance,
 * with no other service running, so that analytics alone consumes):
 * <ol>
 *   <li>publishes the country's territorial reference (20 regions, 200 districts, 2,334 rural districts with their
 *   residents and the day their akim took office) and {@code --events} lifecycle events of 365 days up to today:
 *   most appeals answered on time and rated, some extended, some ignored until deemed refused and escalated, a few
 *   up to the Presidential Administration; a tenth of the applicants write a quarter of the appeals;</li>
 *   <li>empties analytics' facts, reference and inbox and deletes its consumer group (the rebuild's reset to the
 *   earliest offsets);</li>
 *   <li>starts the packaged analytics-service and times it from start until its group has committed the end of
 *   every topic it reads;</li>
 *   <li>times region rankings over HTTP for the dashboard's default period (1 January to today).</li>
 * </ol>
 */
public final class AnalyticsReplayBenchmark {

    public static final String NAME = "analytics-replay";

    static final String USAGE = """
            Usage: ./appeals bench analytics-replay [--name=value ...]

            Publishes a simulated national year onto the lifecycle topics, then rebuilds analytics-service from
            offset zero (its facts, reference and inbox emptied, its consumer group deleted), times the rebuild
            and then region rankings over HTTP. The database is switched to durable settings first. Run it on an
            instance of its own with no service running (./appeals infra up --test): it empties analytics' tables.

              --pg=HOST:PORT      PostgreSQL (default 127.0.0.1:16432, database appeals)
              --pg-password=PW    password of the postgres superuser (default postgres)
              --kafka=HOST:PORT   Kafka (default 127.0.0.1:19192)
              --service=JAR       analytics-service/target/quarkus-app/quarkus-run.jar (default)
              --key=PEM           private key that signs the analyst's token
                                  (default test-support/src/main/resources/test-keys/jwt-private.pem)
              --jwt-public-key=PEM its public half, which the service trusts (default: the committed test key)
              --heap=SIZE         the service's -Xmx (default 384m, as ./appeals up)
              --jit=c1|tiered     the service's JIT: C1 only (default, as ./appeals up runs seven JVMs on two
                                  cores) or tiered (C1 then C2, as in the container image)
              --events=N          lifecycle events to publish (default 100000; the issue's target is 10000000;
                                  0 rebuilds from what the topics hold)
              --queries=Q         ranking queries after the rebuild (default 1000)
              --warmup=W          ranking queries before those, reported apart as rankingWarmup (default 0)
              --seed=S            random seed of the simulated year (default 2026)
              --timeout=SECONDS   how long to wait for the rebuild (default 3600)
              --out=FILE          JSON report, also printed (default bench/results/analytics-replay-<UTC time>.json)
            """;

    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ZoneOffset NATIONAL = ZoneOffset.ofHours(5);
    private static final String GROUP = "analytics-service";
    /** What analytics reads: the lifecycle topics and the territorial reference. */
    private static final List<String> TOPICS = java.util.stream.Stream.concat(Topics.LIFECYCLE.stream(),
            java.util.stream.Stream.of(Topics.TERRITORY)).toList();

    private static final List<String> CATEGORIES = List.of("roads", "roads", "roads", "yards", "yards",
            "playgrounds", "lighting", "water", "waste", "transport");
    private static final int REGIONS = 20;
    private static final int DISTRICTS_PER_REGION = 10;
    private static final int RURAL_DISTRICTS = 2_334;

    private AnalyticsReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"pg", "127.0.0.1:16432", "pg-password", "postgres", "kafka", "127.0.0.1:19192",
                "service", "analytics-service/target/quarkus-app/quarkus-run.jar",
                "key", "test-support/src/main/resources/test-keys/jwt-private.pem",
                "jwt-public-key", "test-support/src/main/resources/test-keys/jwt-public.pem", "heap", "384m",
                "jit", "c1", "events", "100000", "queries", "1000", "warmup", "0", "seed", "2026"};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        options.putAll(CommandLine.options(args, Set.of("pg", "pg-password", "kafka", "service", "key",
                "jwt-public-key", "heap", "jit", "events", "queries", "warmup", "seed", "timeout", "out")));
        if (!Set.of("tiered", "c1").contains(options.get("jit"))) {
            System.err.println("--jit must be tiered or c1\n\n" + USAGE);
            System.exit(2);
        }
        Instant started = Instant.now();
        Path out = Path.of(options.getOrDefault("out",
                "bench/results/" + NAME + "-" + FILE_TIMESTAMP.format(started) + ".json"));
        String jdbc = "jdbc:postgresql://" + options.get("pg") + "/appeals";
        String kafka = options.get("kafka");
        long events = Long.parseLong(options.get("events"));
        int queries = Integer.parseInt(options.get("queries"));
        int warmup = Integer.parseInt(options.get("warmup"));
        Duration timeout = CommandLine.duration("timeout", options.getOrDefault("timeout", "3600s"));
        String token = Tokens.build("analyst", null, "bench-analyst",
                Tokens.readPrivateKey(Path.of(options.get("key"))));
        LocalDate today = LocalDate.now(NATIONAL);
        // Region codes 20..39: no real or sample region, so the replay's territories are its own.
        List<String> regions = java.util.stream.IntStream.range(0, REGIONS)
                .mapToObj(r -> String.format("%02d0000000", 20 + r)).toList();

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", NAME);
        report.put("startedAt", started.toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        report.put("parameters", options.entrySet().stream().filter(e -> !e.getKey().equals("pg-password"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x,
                        LinkedHashMap::new)));
        report.put("database", ServiceUnderTest.makeDurable(jdbc, options.get("pg-password")));

        if (events > 0) {
            long t = System.nanoTime();
            long published = publish(kafka, events, new SplittableRandom(Long.parseLong(options.get("seed"))),
                    regions, today);
            double seconds = (System.nanoTime() - t) / 1e9;
            log(String.format(Locale.ROOT, "published %,d events in %.1f s (%.0f/s)", published, seconds,
                    published / seconds));
            Map<String, Object> publishing = new LinkedHashMap<>();
            publishing.put("events", published);
            publishing.put("seconds", round(seconds));
            publishing.put("perSecond", round(published / seconds));
            report.put("published", publishing);
        }
        forgetAnalytics(jdbc, options.get("pg-password"), kafka);
        long toReplay = recordsOnTopics(kafka);
        log(String.format(Locale.ROOT, "rebuilding analytics from %,d records on %s", toReplay, TOPICS));

        Path log = Files.createTempFile("analytics-replay-", ".log");
        Connection superuser = DriverManager.getConnection(jdbc, "postgres", options.get("pg-password"));
        Duration databaseCpuBefore = ServiceUnderTest.databaseCpuTime(superuser);
        long start = System.nanoTime();
        try (ServiceUnderTest service = ServiceUnderTest.start(GROUP, Path.of(options.get("service")), jdbc, kafka,
                Path.of(options.get("jwt-public-key")), options.get("heap"),
                options.get("jit").equals("c1") ? List.of("-XX:TieredStopAtLevel=1") : List.of(),
                Map.of("QUARKUS_DATASOURCE_USERNAME", "analytics", "QUARKUS_DATASOURCE_PASSWORD", "analytics",
                        "MP_JWT_VERIFY_ISSUER", Tokens.ISSUER), log)) {
            // an empty analytics replays history in bulk before it reports ready
            service.awaitReady(timeout);
            double readySeconds = (System.nanoTime() - start) / 1e9;
            awaitCaughtUp(kafka, timeout, start);
            double rebuildSeconds = (System.nanoTime() - start) / 1e9;
            double serviceCpu = service.cpuTime().toMillis() / 1e3;
            double databaseCpu = ServiceUnderTest.databaseCpuTime(superuser).minus(databaseCpuBefore).toMillis() / 1e3;
            log(String.format(Locale.ROOT, "rebuilt from %,d records in %.1f s (%.0f/s); CPU: service %.1f s, "
                    + "database %.1f s", toReplay, rebuildSeconds, toReplay / rebuildSeconds, serviceCpu, databaseCpu));
            Map<String, Object> rebuild = new LinkedHashMap<>();
            rebuild.put("records", toReplay);
            rebuild.put("readySeconds", round(readySeconds));
            rebuild.put("seconds", round(rebuildSeconds));
            rebuild.put("recordsPerSecond", round(toReplay / rebuildSeconds));
            rebuild.put("historyReplay", historyReplay(service));
            // CPU does not depend on what else the machine's cores were busy with; the service's from its start
            // (its JVM startup, some 10 s of CPU, included), the database's from the service's start
            rebuild.put("serviceCpuSeconds", round(serviceCpu));
            rebuild.put("databaseCpuSeconds", round(databaseCpu));
            rebuild.put("cpuMicrosPerRecord", Map.of("service", round(serviceCpu * 1e6 / toReplay),
                    "database", round(databaseCpu * 1e6 / toReplay)));
            rebuild.put("serviceLog", log.toString());
            report.put("rebuild", rebuild);
            Map<String, Double> cacheBefore = cacheCounts(service);
            if (warmup > 0) {
                // the same questions first, not recorded: a fresh JVM compiles the serving path meanwhile
                report.put("rankingWarmup", rankings(service, token, regions, warmup, today, cacheBefore));
                cacheBefore = cacheCounts(service);
            }
            report.put("ranking", rankings(service, token, regions, queries, today, cacheBefore));
        } finally {
            superuser.close();
        }
        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json + "\n");
        System.out.println(json);
        log("report written to " + out);
        @SuppressWarnings("unchecked")
        Map<String, Object> ranking = (Map<String, Object>) report.get("ranking");
        System.exit(((Number) ranking.get("failures")).intValue() == 0 ? 0 : 1);
    }

    /** What a dashboard asks first, region after region: its rural districts over the year so far. */
    private static Map<String, Object> rankings(ServiceUnderTest service, String token, List<String> regions,
                                                int queries, LocalDate today, Map<String, Double> cacheBefore)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Histogram latency = new Histogram(60_000_000_000L, 3);
        int failures = 0;
        for (int q = 0; q < queries; q++) {
            HttpRequest request = HttpRequest.newBuilder(service.baseUri().resolve(
                    "/api/v1/rankings/rural-districts?regionKato=" + regions.get(q % regions.size()) + "&from="
                            + today.withDayOfYear(1) + "&to=" + today))
                    .header("Authorization", "Bearer " + token).build();
            long sent = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            latency.recordValue(System.nanoTime() - sent);
            failures += status == 200 ? 0 : 1;
        }
        Map<String, Double> cacheAfter = cacheCounts(service);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("queries", queries);
        result.put("failures", failures);
        result.put("period", today.withDayOfYear(1) + "/" + today);
        result.put("p50Ms", round(latency.getValueAtPercentile(50) / 1e6));
        result.put("p90Ms", round(latency.getValueAtPercentile(90) / 1e6));
        result.put("p99Ms", round(latency.getValueAtPercentile(99) / 1e6));
        result.put("maxMs", round(latency.getMaxValue() / 1e6));
        // from memory: current ("hit") or outdated within serve-outdated-for while recomputed in the background
        result.put("servedFromCache", cacheAfter.getOrDefault("hit", 0.0) - cacheBefore.getOrDefault("hit", 0.0)
                + cacheAfter.getOrDefault("outdated", 0.0) - cacheBefore.getOrDefault("outdated", 0.0));
        result.put("servedOutdated",
                cacheAfter.getOrDefault("outdated", 0.0) - cacheBefore.getOrDefault("outdated", 0.0));
        result.put("computedForTheReader",
                cacheAfter.getOrDefault("miss", 0.0) - cacheBefore.getOrDefault("miss", 0.0));
        return result;
    }

    /** What the service's start spent on its bulk replay of history, from its Prometheus endpoint. */
    private static Map<String, Object> historyReplay(ServiceUnderTest service) throws Exception {
        String metrics = prometheus(service);
        Map<String, Object> replay = new LinkedHashMap<>();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                "(?m)^appeals_analytics_history_replay_records_total\\{.*outcome=\"([\\w-]+)\".*} ([0-9.eE+]+)$")
                .matcher(metrics);
        while (line.find()) {
            replay.put(line.group(1), (long) Double.parseDouble(line.group(2)));
        }
        java.util.regex.Matcher took = java.util.regex.Pattern.compile(
                "(?m)^appeals_analytics_history_replay_seconds_sum(?:\\{.*})? ([0-9.eE+]+)$").matcher(metrics);
        replay.put("ran", took.find());
        if ((Boolean) replay.get("ran")) {
            replay.put("seconds", round(Double.parseDouble(took.group(1))));
        }
        return replay;
    }

    private static String prometheus(ServiceUnderTest service) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.baseUri().resolve("/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The service's ranking cache counters, by outcome, from its Prometheus endpoint. */
    private static Map<String, Double> cacheCounts(ServiceUnderTest service) throws Exception {
        String metrics = prometheus(service);
        Map<String, Double> counts = new HashMap<>();
        java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                "(?m)^appeals_analytics_ranking_cache_total\\{.*outcome=\"(\\w+)\".*} ([0-9.eE+]+)$").matcher(metrics);
        while (line.find()) {
            counts.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return counts;
    }

    /** The rebuild's reset: analytics' derived rows and inbox emptied, its group gone (so it reads from the start). */
    private static void forgetAnalytics(String jdbc, String superuserPassword, String kafka) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", superuserPassword);
             Statement sql = db.createStatement()) {
            // On a fresh instance analytics has not migrated its schema yet: it will, empty, when it starts.
            try (ResultSet migrated = sql.executeQuery("select to_regclass('analytics.appeal_fact') is not null")) {
                migrated.next();
                if (migrated.getBoolean(1)) {
                    sql.execute("truncate analytics.appeal_fact, analytics.territorial_unit");
                    sql.execute("delete from analytics.inbox_event where consumer = '" + GROUP + "'");
                }
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.deleteConsumerGroups(List.of(GROUP)).all().get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static long recordsOnTopics(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, Long> earliest = offsets(admin, OffsetSpec.earliest());
            return offsets(admin, OffsetSpec.latest()).entrySet().stream()
                    .mapToLong(end -> end.getValue() - earliest.get(end.getKey())).sum();
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get().values().forEach(topic ->
                topic.partitions().forEach(p -> wanted.put(new TopicPartition(topic.name(), p.partition()), spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(wanted).all().get().forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The country's territorial reference as routing publishes it after an import. */
    private static void publishTerritory(KafkaProducer<String, String> producer, List<String> regions,
                                         SplittableRandom random) throws Exception {
        for (int index = 0; index < RURAL_DISTRICTS; index++) {
            String region = regions.get(index % REGIONS);
            String district = districtOf(index, region);
            String ruralDistrict = ruralDistrictOf(index, district);
            if (index < REGIONS) {
                send(producer, new TerritorialUnitPublished(region, UnitLevel.REGION, null, region,
                        "Облыс " + region.substring(0, 2), "Область " + region.substring(0, 2), null, null, null,
                        LocalDate.of(2020, 1, 1), null, Instant.now()));
            }
            if (index < REGIONS * DISTRICTS_PER_REGION) {
                send(producer, new TerritorialUnitPublished(district, UnitLevel.DISTRICT, null, region,
                        "Аудан " + district.substring(0, 4), "Район " + district.substring(0, 4), null, null, null,
                        LocalDate.of(2020, 1, 1), null, Instant.now()));
            }
            // one akim in twenty elected this year, whose index counts from that day
            LocalDate elected = random.nextInt(20) == 0 ? LocalDate.now(NATIONAL).withDayOfYear(1).plusMonths(6)
                    : LocalDate.of(2021, 7, 25);
            send(producer, new TerritorialUnitPublished(ruralDistrict, UnitLevel.RURAL_DISTRICT, district, region,
                    "Ауылдық округ " + ruralDistrict, "Сельский округ " + ruralDistrict,
                    1_500 + random.nextInt(12_000),
                    "Әкім " + ruralDistrict, elected, LocalDate.of(2020, 1, 1), null, Instant.now()));
        }
    }

    private static void send(KafkaProducer<String, String> producer, ContractEvent event) {
        EventType type = EventType.of(event.getClass());
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), event.subject(),
                    ContractJson.mapper().writeValueAsString(event));
            KafkaProbe.cloudEventHeaders(type, UUID.randomUUID(), event.subject()).forEach((name, value) ->
                    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String districtOf(int ruralIndex, String region) {
        return region.substring(0, 2) + String.format("%02d", 10 + (ruralIndex / REGIONS) % DISTRICTS_PER_REGION)
                + "00000";
    }

    private static String ruralDistrictOf(int ruralIndex, String district) {
        return district.substring(0, 4) + String.format("%02d", 21 + ruralIndex / (REGIONS * DISTRICTS_PER_REGION))
                + "000";
    }

    /** One appeal's life at a time, each event on its topic, until {@code events} are out. */
    private static long publish(String kafka, long events, SplittableRandom random, List<String> regions,
                                LocalDate today) throws Exception {
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
            publishTerritory(producer, regions, random);
            while (sent < events) {
                for (AppealEvent event : life(random, regions, applicants, today)) {
                    if (sent++ >= events) {
                        break;
                    }
                    send(producer, event);
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
    private static List<AppealEvent> life(SplittableRandom random, List<String> regions, int applicants,
                                          LocalDate today) {
        UUID appeal = UUID.randomUUID();
        int ruralIndex = random.nextInt(RURAL_DISTRICTS);
        String region = regions.get(ruralIndex % REGIONS);
        String district = districtOf(ruralIndex, region);
        String ruralDistrict = ruralDistrictOf(ruralIndex, district);
        LocalDate day = today.minusDays(random.nextInt(365));
        Instant at = day.atTime(9, 0).toInstant(ZoneOffset.ofHours(5)).plusSeconds(random.nextInt(8 * 3600));
        int applicant = random.nextInt(10) == 0 ? random.nextInt(applicants / 10 + 1) : random.nextInt(applicants);
        String applicantRef = HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(32).putLong(applicant).array());
        String category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        Body body = new Body("rural-akim:" + ruralDistrict, BodyLevel.RURAL_DISTRICT, ruralDistrict, "Әкім аппараты",
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
            life.add(new Escalated(appeal, body, new Body("district:akimat:" + district, BodyLevel.DISTRICT_AKIMAT, district,
                    "Аудан әкімдігі", "Акимат района"), day.plusDays(21), day.plusDays(42), lapsed.plusSeconds(1)));
            if (behaviour < 2) {
                life.add(new Escalated(appeal, body, new Body(BodyCode.PRESIDENTIAL_ADMINISTRATION, BodyLevel.PRESIDENTIAL_ADMINISTRATION, null,
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
    private static void awaitCaughtUp(String kafka, Duration timeout, long start) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
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
            throw new IllegalStateException("analytics did not catch up in " + timeout);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void log(String message) {
        System.err.println("[" + NAME + "] " + message);
    }
}
