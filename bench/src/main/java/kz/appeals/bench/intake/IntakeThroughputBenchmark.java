package kz.appeals.bench.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.vertx.core.http.HttpMethod;
import kz.appeals.bench.CommandLine;
import kz.appeals.bench.MachineState;
import kz.appeals.bench.SystemCost;
import kz.appeals.bench.ceilings.ClosedLoopHttp;
import kz.appeals.bench.ceilings.Phase;
import kz.appeals.bench.ceilings.PostgresCommitProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
              --intake-pid=PID      intake's process, whose CPU per appeal is reported (default: the pid ./appeals up
                                    recorded in .run/system/pids/intake-service.pid)
              --profile=true        records intake with Java Flight Recorder (jcmd) during the measured phase and
                                    reports its CPU samples by layer (JWT, HTTP, Hibernate, JDBC, Kafka, ...);
                                    the recording is kept beside the report (<out>.jfr)
              --out=FILE            JSON report (default bench/results/intake-<UTC time>.json)

            Besides rate and latency it reports what one accepted appeal cost (costPerAppeal): CPU of intake, of
            PostgreSQL and of this load generator, commits, rows and WAL bytes, and the rate those CPU costs allow
            on this machine's cores.
            """;
    private static final Set<String> NAMES = Set.of("intake", "jdbc", "db-user", "db-password", "concurrency",
            "warmup", "duration", "kato", "key", "out", "intake-pid", "profile");
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
        Optional<ProcessHandle> intake = intakeProcess(given.get("intake-pid"));
        boolean profile = Boolean.parseBoolean(given.getOrDefault("profile", "false"));
        submit(appeals, "Bearer " + token, kato, concurrency, Duration.ZERO, warmup);
        Phase submissions;
        SubmissionCost cost;
        List<Double> loadAverage;
        Map<String, Object> intakeProfile;
        try (Connection db = DriverManager.getConnection(jdbc, dbUser, dbPassword)) {
            Optional<CpuProfile> profiler = profile && intake.isPresent()
                    ? Optional.of(CpuProfile.start(intake.get().pid(), Path.of(out + ".jfr"))) : Optional.empty();
            SubmissionCost.Snapshot before = SubmissionCost.Snapshot.take(intake, db);
            submissions = submit(appeals, "Bearer " + token, kato, concurrency, Duration.ZERO, duration);
            loadAverage = MachineState.currentLoadAverage();
            intakeProfile = profiler.isPresent() ? profiler.get().stop() : null;
            SystemCost.awaitStatistics();
            cost = SubmissionCost.between(before, SubmissionCost.Snapshot.take(intake, db),
                    submissions.operations(), Runtime.getRuntime().availableProcessors());
        }
        System.err.printf("bench intake: %.0f appeals/s (201), p50 %.2f ms, p99 %.2f ms, statuses %s%n",
                submissions.perSecond(), submissions.p50Ms(), submissions.p99Ms(), submissions.statuses());
        System.err.printf("bench intake: per appeal CPU intake %.3f ms, PostgreSQL %.3f ms, load generator %.3f ms "
                        + "(bound on these cores: %.0f/s); %.2f commits, %.2f rows inserted, %.0f WAL bytes%n",
                cost.intakeCpuMs(), cost.databaseCpuMs(), cost.loadGeneratorCpuMs(), cost.cpuBoundAppealsPerSecond(),
                cost.commits(), cost.rowsInserted(), cost.walBytes());

        Report report = new Report("intake", startedAt.toString(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                concurrency, warmup.toString(), duration.toString(), loadAverage, commits, submissions,
                Math.round(1000.0 * submissions.perSecond() / Math.max(1, commits.perSecond())) / 1000.0, cost,
                intakeProfile);
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        Files.writeString(out, json);
        System.out.println(json);
        System.err.println("bench intake: report written to " + out);
    }

    /**
     * @param loadAverageAtEnd the machine's load averages when the measured phase ended
     * @param intakeShareOfCommitRate intake's 201s per second divided by the raw commit rate
     * @param intakeCpuProfile with --profile=true: intake's execution samples by layer (null without)
     */
    record Report(String benchmark, String startedAt, int cores, String jvm, int concurrency, String warmup,
                  String duration, List<Double> loadAverageAtEnd, Phase postgresSingleRowCommits,
                  Phase intakeSubmissions, double intakeShareOfCommitRate, SubmissionCost costPerAppeal,
                  Map<String, Object> intakeCpuProfile) {
    }

    /** The pid given, else the one ./appeals up recorded; empty (intake's CPU not reported) when neither is alive. */
    private static Optional<ProcessHandle> intakeProcess(String pid) throws IOException {
        Path recorded = Path.of(".run/system/pids/intake-service.pid");
        String chosen = pid != null ? pid : Files.exists(recorded) ? Files.readString(recorded).trim() : null;
        Optional<ProcessHandle> process = chosen == null ? Optional.empty()
                : ProcessHandle.of(Long.parseLong(chosen)).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            System.err.println("bench intake: intake's process not found (--intake-pid=PID); its CPU is not reported");
        }
        return process;
    }

    private static Phase submit(URI appeals, String authorization, String kato, int workers, Duration warmup,
                                Duration duration) throws InterruptedException {
        return ClosedLoopHttp.run(() -> new ClosedLoopHttp.Call(HttpMethod.POST, appeals,
                Map.of("Authorization", authorization, "Content-Type", "application/json",
                        "Idempotency-Key", UUID.randomUUID().toString()),
                SampleCitizens.appealJson(kato, SampleCitizens.randomIin())), 201, workers, warmup, duration);
    }
}
