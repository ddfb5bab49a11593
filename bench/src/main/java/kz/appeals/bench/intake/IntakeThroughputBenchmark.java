package kz.appeals.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kz.appeals.bench.CommandLine;
import kz.appeals.bench.ceilings.ClosedLoopHttp;
import kz.appeals.bench.ceilings.Phase;
import kz.appeals.bench.ceilings.PostgresCommitProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How many durable submissions per second intake takes, and at what latency, beside the ceiling under it: the
 * single-row commit rate of the same PostgreSQL with the same number of connections. Closed loop: each of
 * {@code --concurrency} workers sends its next appeal when the previous one is answered, so the numbers are the
 * system's capacity at that concurrency (latency under overload is the other benchmark's subject).
 */
public final class IntakeThroughputBenchmark {

    static final String USAGE = """
            Usage: ./appeals bench intake [--name=value ...]

            Measures PostgreSQL's single-row commit rate (durable inserts of ~1 KB, autocommit, one connection per
            worker), then intake's sustained 201s per second and latency with the same number of workers.
              --intake=URL          intake base URL (default http://127.0.0.1:8081)
              --jdbc=URL            the system's database (default jdbc:postgresql://127.0.0.1:55432/appeals)
              --db-user=NAME        role for the commit probe, which creates and drops table bench_commit_probe
                                    in its own schema (default intake; password --db-password, default intake)
              --concurrency=N       workers for both phases (default 32)
              --warmup=DURATION     intake phase: requests sent but not measured first (default 15s)
              --duration=DURATION   length of each measured phase (default 30s)
              --kato=CODE           settlement of the appeals (default 991021001, the demo territory)
              --key=PEM             signs the frontend token (default .run/system/keys/jwt-private.pem)
              --out=FILE            JSON report (default bench/results/intake-<UTC time>.json)
            """;
    private static final Set<String> NAMES = Set.of("intake", "jdbc", "db-user", "db-password", "concurrency",
            "warmup", "duration", "kato", "key", "out");
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private IntakeThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Map<String, String> given = CommandLine.options(args, NAMES);
        int concurrency = Integer.parseInt(given.getOrDefault("concurrency", "32"));
        Duration warmup = CommandLine.duration("warmup", given.getOrDefault("warmup", "15s"));
        Duration duration = CommandLine.duration("duration", given.getOrDefault("duration", "30s"));
        String jdbc = given.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:55432/appeals");
        String dbUser = given.getOrDefault("db-user", "intake");
        String dbPassword = given.getOrDefault("db-password", "intake");
        URI appeals = URI.create(given.getOrDefault("intake", "http://127.0.0.1:8081") + "/api/v1/appeals");
        String kato = given.getOrDefault("kato", "991021001");
        String token = Tokens.build("frontend", null, "bench-intake",
                Tokens.readPrivateKey(Path.of(given.getOrDefault("key", ".run/system/keys/jwt-private.pem"))));
        Instant startedAt = Instant.now();
        Path out = Path.of(given.getOrDefault("out", "bench/results/intake-" + FILE_TIMESTAMP.format(startedAt) + ".json"));

        System.err.printf("bench intake: PostgreSQL single-row commits, %d connections, %s%n", concurrency, duration);
        Phase commits = PostgresCommitProbe.run(jdbc, dbUser, dbPassword, concurrency, duration);
        System.err.printf("bench intake: %.0f commits/s, p50 %.2f ms, p99 %.2f ms%n", commits.perSecond(),
                commits.p50Ms(), commits.p99Ms());
        System.err.printf("bench intake: POST %s, %d workers, warm-up %s, then %s measured%n", appeals, concurrency,
                warmup, duration);
        Phase submissions = submit(appeals, "Bearer " + token, kato, concurrency, warmup, duration);
        System.err.printf("bench intake: %.0f appeals/s (201), p50 %.2f ms, p99 %.2f ms, statuses %s%n",
                submissions.perSecond(), submissions.p50Ms(), submissions.p99Ms(), submissions.statuses());

        Report report = new Report("intake", startedAt.toString(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                concurrency, warmup.toString(), duration.toString(), commits, submissions,
                Math.round(1000.0 * submissions.perSecond() / Math.max(1, commits.perSecond())) / 1000.0);
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(out, json);
        System.out.println(json);
        System.err.println("bench intake: report written to " + out);
    }

    /** @param intakeShareOfCommitRate intake's 201s per second divided by the raw commit rate */
    record Report(String benchmark, String startedAt, int cores, String jvm, int concurrency, String warmup,
                  String duration, Phase postgresSingleRowCommits, Phase intakeSubmissions,
                  double intakeShareOfCommitRate) {
    }

    private static Phase submit(URI appeals, String authorization, String kato, int workers, Duration warmup,
                                Duration duration) throws InterruptedException {
        return ClosedLoopHttp.run(() -> HttpRequest.newBuilder(appeals).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(SampleCitizens.appealJson(kato, SampleCitizens.randomIin())))
                .build(), 201, workers, warmup, duration);
    }
}
