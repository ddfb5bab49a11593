package kz.appeals.bench.escalation;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import kz.appeals.bench.ServiceUnderTest;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The escalation service's sweep at national scale, against the real packaged service, a real PostgreSQL (made
 * durable for the run) and a real Kafka, e.g. the test instance on one's own ports:
 * <ol>
 *   <li>starts {@code escalation-service} (its quarkus-run.jar) on that PostgreSQL and Kafka, sweeping every
 *   {@code --sweep-every}, with its sweeper logging each sweep's duration;</li>
 *   <li>stores {@code --open} running deadlines whose next warning or lapse is days away, and reads the durations
 *   of the sweeps that then find nothing due, as the service measured them;</li>
 *   <li>makes {@code --lapsed} of them lapsed in one transaction and times, from that commit, until every one's
 *   {@code escalated} event has been read from appeals.escalation (with its {@code deemed-refused});</li>
 *   <li>samples the service's resident memory throughout.</li>
 * </ol>
 */
public final class EscalationSweepBenchmark {

    public static final String NAME = "escalation-sweep";
    static final int EXIT_USAGE = 2;

    private static final String USAGE = """
            Usage: ./appeals bench escalation-sweep [--name=value ...]

            Starts escalation-service on the given PostgreSQL and Kafka (e.g. the test instance: ./appeals infra up
            --test), stores open deadlines, measures the sweeps that find nothing due, then lapses some of them and
            times their escalation until published. The database is switched to durable settings first (fsync,
            synchronous_commit, full_page_writes on). Never point it at a database whose data matters: it adds
            rows to escalation.deadline.

              --pg=HOST:PORT        PostgreSQL (default 127.0.0.1:16432, database appeals)
              --pg-password=PW      password of the postgres superuser, to make the instance durable (default postgres)
              --kafka=HOST:PORT     Kafka (default 127.0.0.1:19192)
              --service=JAR         escalation-service/target/quarkus-app/quarkus-run.jar (default)
              --jwt-public-key=PEM  a public key for the service to start with (default: the committed test key)
              --heap=SIZE           the service's -Xmx (default 512m)
              --open=N              open deadlines to store (default 1000000)
              --lapsed=N            of them, how many lapse at once (default 100000)
              --empty-sweeps=N      sweeps that find nothing to time (default 50)
              --sweep-every=D       the service's sweep interval (default 200ms)
              --sweep-workers=N     the service's concurrent sweep workers (default 1)
              --timeout=SECONDS     how long to wait for the escalations (default 300)
              --out=FILE            JSON report (default bench/results/escalation-sweep-<UTC timestamp>.json)
            """;

    private static final Pattern EMPTY_SWEEP = Pattern.compile("Sweep found nothing due in ([0-9.]+) ms");
    private static final Pattern BUSY_SWEEP = Pattern.compile("Sweep handled (\\d+) deadline\\(s\\).* in ([0-9.]+) ms");
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Map<String, String> options;
    private final Instant started = Instant.now();
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final List<Long> rssSamplesKb = Collections.synchronizedList(new ArrayList<>());

    private EscalationSweepBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        String[] defaults = {"pg", "127.0.0.1:16432", "pg-password", "postgres", "kafka", "127.0.0.1:19192",
                "service", "escalation-service/target/quarkus-app/quarkus-run.jar",
                "jwt-public-key", "test-support/src/main/resources/test-keys/jwt-public.pem", "heap", "512m",
                "open", "1000000", "lapsed", "100000", "empty-sweeps", "50", "sweep-every", "200ms", "sweep-workers", "1",
                "timeout", "300"};
        for (int i = 0; i < defaults.length; i += 2) {
            options.put(defaults[i], defaults[i + 1]);
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !options.containsKey(name) && !name.equals("out")) {
                System.err.println(arg.equals("--help") ? USAGE : "unknown argument " + arg + "\n\n" + USAGE);
                System.exit(arg.equals("--help") ? 0 : EXIT_USAGE);
            }
            options.put(name, arg.substring(eq + 1));
        }
        int open = Integer.parseInt(options.get("open"));
        int lapsed = Integer.parseInt(options.get("lapsed"));
        if (lapsed > open) {
            System.err.println("--lapsed must not exceed --open");
            System.exit(EXIT_USAGE);
        }
        System.exit(new EscalationSweepBenchmark(options).run(open, lapsed));
    }

    private int run(int open, int lapsed) throws Exception {
        String jdbc = "jdbc:postgresql://" + options.get("pg") + "/appeals";
        report.put("benchmark", NAME);
        report.put("startedAt", started.toString());
        report.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        report.put("parameters", new LinkedHashMap<>(options));
        report.put("database", ServiceUnderTest.makeDurable(jdbc, options.get("pg-password")));
        log("database settings " + report.get("database"));

        Path log = Files.createTempFile("escalation-bench-", ".log");
        ServiceUnderTest service = ServiceUnderTest.start("escalation-service", Path.of(options.get("service")), jdbc,
                options.get("kafka"), Path.of(options.get("jwt-public-key")), options.get("heap"),
                List.of("-Xlog:gc:file=" + gcLog(log),
                        "-Dquarkus.log.category.\"kz.appeals.escalation.service.DeadlineSweeper\".level=DEBUG"),
                Map.of("APPEALS_ESCALATION_SWEEP_EVERY", options.get("sweep-every"),
                        "APPEALS_ESCALATION_SWEEP_WORKERS", options.get("sweep-workers")), log);
        Thread sampler = sampleMemory(service.process());
        try {
            service.awaitReady(Duration.ofSeconds(120));
            log("service ready; storing " + open + " open deadlines");
            try (Connection db = DriverManager.getConnection(jdbc, "escalation", "escalation")) {
                long t = System.nanoTime();
                storeOpenDeadlines(db, open);
                report.put("storeOpenDeadlinesSeconds", seconds(t));
                long logOffset = Files.size(log);
                report.put("rssBeforeEmptySweepsMb", lastRssMb());
                report.put("emptySweep", timeEmptySweeps(log, logOffset, Integer.parseInt(options.get("empty-sweeps"))));
                long lapsePhaseStart = Duration.between(service.process().info().startInstant().orElseThrow(),
                        Instant.now()).toMillis();
                report.put("lapse", lapseAndAwaitEscalations(db, log, lapsed));
                report.put("serviceHeapAfterGc", heapAfterGc(log, lapsePhaseStart));
            }
        } finally {
            service.close();
            sampler.interrupt();
            sampler.join();
        }
        report.put("serviceRssMb", rssSummary());
        report.put("serviceLog", log.toString());
        Path out = Path.of(options.getOrDefault("out",
                "bench/results/escalation-sweep-" + FILE_TIMESTAMP.format(started) + ".json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(report);
        Files.writeString(out, json + "\n");
        System.out.println(json);
        log("report written to " + out);
        @SuppressWarnings("unchecked")
        Map<String, Object> lapse = (Map<String, Object>) report.get("lapse");
        return Boolean.TRUE.equals(lapse.get("complete")) ? 0 : 1;
    }

    private static Path gcLog(Path serviceLog) {
        return Path.of(serviceLog + ".gc");
    }

    /**
     * Heap in use after each collection, from the service's GC log ("Pause Young ... 180M->41M(247M)"), split at
     * the lapse phase: flat memory means the live heap after GC does not grow with the work done.
     */
    private static Map<String, Object> heapAfterGc(Path serviceLog, long lapsePhaseStartMillis) throws IOException {
        Pattern pause = Pattern.compile("^\\[([0-9.]+)s].*Pause.*->(\\d+)M\\(");
        List<Long> before = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog(serviceLog))) {
            Matcher m = pause.matcher(line);
            if (m.find()) {
                long uptimeMillis = (long) (Double.parseDouble(m.group(1)) * 1000);
                (uptimeMillis < lapsePhaseStartMillis ? before : during).add(Long.parseLong(m.group(2)));
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("collectionsBeforeLapse", before.size());
        result.put("maxLiveMbBeforeLapse", before.stream().mapToLong(Long::longValue).max().orElse(-1));
        result.put("collectionsDuringLapse", during.size());
        result.put("maxLiveMbDuringLapse", during.stream().mapToLong(Long::longValue).max().orElse(-1));
        result.put("lastLiveMb", during.isEmpty() ? -1 : during.get(during.size() - 1));
        return result;
    }

    /**
     * Running deadlines of a rural akim whose first warning is 7 to 20 days away, in one statement; then ANALYZE,
     * as autovacuum would soon do on its own.
     */
    private static void storeOpenDeadlines(Connection db, int count) throws SQLException {
        try (Statement sql = db.createStatement()) {
            sql.executeUpdate("""
                    insert into escalation.deadline (appeal_id, registration_day, body_code, body_level, body_kato,
                        body_name_kk, body_name_ru, district_kato, region_kato, cycle, answered_cycle, term_start,
                        due_date, status, warnings_sent, wake_on, created_at, updated_at)
                    select gen_random_uuid(), current_date, 'rural-akim:991021000', 'RURAL_DISTRICT', '991021000',
                        'Ауыл әкімі', 'Аким сельского округа', '991000000', '990000000', 1, 0, current_date,
                        current_date + 28, 'RUNNING', '', current_date + 7 + (g %% 14), now(), now()
                    from generate_series(1, %d) g""".formatted(count));
            sql.execute("analyze escalation.deadline");
        }
    }

    /** The durations the service logged for sweeps that found nothing, after the open deadlines were stored. */
    private Map<String, Object> timeEmptySweeps(Path log, long fromOffset, int wanted) throws Exception {
        List<Double> millis = new ArrayList<>();
        long offset = fromOffset;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (millis.size() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(500);
            List<String> lines = new ArrayList<>();
            offset = readLines(log, offset, lines);
            for (String line : lines) {
                Matcher m = EMPTY_SWEEP.matcher(line);
                if (m.find()) {
                    millis.add(Double.parseDouble(m.group(1)));
                }
            }
        }
        Collections.sort(millis);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sweeps", millis.size());
        if (!millis.isEmpty()) {
            result.put("p50Ms", millis.get(millis.size() / 2));
            result.put("p90Ms", millis.get((int) Math.min(millis.size() - 1, Math.ceil(millis.size() * 0.9) - 1)));
            result.put("maxMs", millis.get(millis.size() - 1));
        }
        log("empty sweeps with open deadlines stored: " + result);
        return result;
    }

    private Map<String, Object> lapseAndAwaitEscalations(Connection db, Path log, int count) throws Exception {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.get("kafka"));
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Object> result = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ESCALATION).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long logOffset = Files.size(log);

            Set<String> lapsedIds = new HashSet<>();
            long committed;
            try (Statement sql = db.createStatement()) {
                db.setAutoCommit(false);
                try (ResultSet rows = sql.executeQuery("""
                        update escalation.deadline set registration_day = date '2025-01-06',
                            term_start = date '2025-01-06', due_date = date '2025-01-28', wake_on = date '2025-01-29'
                        where appeal_id in (select appeal_id from escalation.deadline
                                            where status = 'RUNNING' and body_code = 'rural-akim:991021000'
                                              and escalation_step = 0
                                            limit %d)
                        returning appeal_id""".formatted(count))) {
                    while (rows.next()) {
                        lapsedIds.add(rows.getString(1));
                    }
                }
                db.commit();
                committed = System.nanoTime();
                db.setAutoCommit(true);
            }
            log(lapsedIds.size() + " deadlines lapsed; waiting for their escalations");

            Set<String> escalated = new HashSet<>();
            AtomicLong deemedRefused = new AtomicLong();
            long lastProgress = System.nanoTime();
            long timeout = Duration.ofSeconds(Long.parseLong(options.get("timeout"))).toNanos();
            while (escalated.size() < lapsedIds.size() && System.nanoTime() - committed < timeout) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String type = header(record, CloudEventHeaders.TYPE);
                    if (!lapsedIds.contains(record.key())) {
                        continue;
                    }
                    if (EventType.ESCALATED.wireName().equals(type)) {
                        escalated.add(record.key());
                    } else if (EventType.DEEMED_REFUSED.wireName().equals(type)) {
                        deemedRefused.incrementAndGet();
                    }
                }
                if (System.nanoTime() - lastProgress > 2_000_000_000L) {
                    log(String.format("%.1f s: %d escalated, %d deemed refused read", seconds(committed),
                            escalated.size(), deemedRefused.get()));
                    lastProgress = System.nanoTime();
                }
            }
            double elapsed = seconds(committed);
            result.put("lapsed", lapsedIds.size());
            result.put("escalatedRead", escalated.size());
            result.put("deemedRefusedRead", deemedRefused.get());
            result.put("complete", escalated.size() == lapsedIds.size() && deemedRefused.get() == lapsedIds.size());
            result.put("secondsFromCommitToLastEscalationRead", elapsed);
            result.put("escalationsPerSecond", escalated.size() / elapsed);
            // The sweeper logs its total once its last (short) batch has committed, just after the last event.
            List<String> busy = new ArrayList<>();
            for (int attempt = 0; attempt < 20 && busy.isEmpty(); attempt++) {
                Thread.sleep(500);
                List<String> lines = new ArrayList<>();
                readLines(log, logOffset, lines);
                lines.stream().filter(l -> BUSY_SWEEP.matcher(l).find())
                        .map(l -> l.substring(l.indexOf("Sweep handled"))).forEach(busy::add);
            }
            result.put("serviceSweepLog", busy);
        }
        log("lapse phase: " + result);
        return result;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Appends the complete lines after {@code offset} to {@code into}; returns the offset after them. */
    private static long readLines(Path log, long offset, List<String> into) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= offset) {
                return offset;
            }
            file.seek(offset);
            byte[] bytes = new byte[(int) (file.length() - offset)];
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return offset;
            }
            into.addAll(List.of(text.substring(0, end).split("\n")));
            return offset + text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /** The service's VmRSS every 500 ms (Linux /proc). */
    private Thread sampleMemory(Process service) {
        Path status = Path.of("/proc/" + service.pid() + "/status");
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && service.isAlive()) {
                try {
                    Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:")).findFirst()
                            .ifPresent(l -> rssSamplesKb.add(Long.parseLong(l.replaceAll("\\D", ""))));
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException gone) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    private long lastRssMb() {
        synchronized (rssSamplesKb) {
            return rssSamplesKb.isEmpty() ? -1 : rssSamplesKb.get(rssSamplesKb.size() - 1) / 1024;
        }
    }

    private Map<String, Object> rssSummary() {
        synchronized (rssSamplesKb) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("samples", rssSamplesKb.size());
            summary.put("minMb", rssSamplesKb.stream().mapToLong(Long::longValue).min().orElse(0) / 1024);
            summary.put("maxMb", rssSamplesKb.stream().mapToLong(Long::longValue).max().orElse(0) / 1024);
            summary.put("lastMb", rssSamplesKb.isEmpty() ? 0 : rssSamplesKb.get(rssSamplesKb.size() - 1) / 1024);
            return summary;
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static void log(String message) {
        System.err.println("[" + NAME + "] " + message);
    }
}
