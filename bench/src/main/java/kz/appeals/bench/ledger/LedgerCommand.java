package kz.appeals.bench.ledger;

import com.fasterxml.jackson.databind.SerializationFeature;
import kz.appeals.bench.CommandLine;
import kz.appeals.contracts.ContractJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code ./appeals ledger}: proves that every appeal intake accepted exists exactly once in every service that must
 * know it, with final states that agree ({@link AppealRules}), and that every event was relayed and delivered
 * ({@link EventChecks}); prints the differences otherwise. Reads the five schemas with plain JDBC.
 */
public final class LedgerCommand {

    public static final String NAME = "ledger";
    static final int EXIT_CONSISTENT = 0;
    static final int EXIT_INCONSISTENT = 1;
    static final int EXIT_USAGE = 2;

    static final String USAGE = """
            Usage: ./appeals ledger [--name=value ...]   (= java -jar bench/target/bench.jar ledger ...)

            Checks, in one database snapshot, that every appeal intake accepted is known exactly once to routing,
            response (when routed), escalation and analytics, that their final states agree, that no service holds
            an appeal intake never accepted, and that every outbox event was relayed and reached each consumer's inbox.

              --pg=JDBC-URL        database (default jdbc:postgresql://127.0.0.1:55432/appeals, the running system)
              --user=NAME          a role that may read all five schemas (default postgres)
              --password=SECRET    its password (default postgres)
              --since=INSTANT      only appeals and events from then on, e.g. 2026-12-02T10:00:00Z (default: all)
              --appeals=ID,...     only these appeals and their events, e.g. a scenario's on a shared database
                                   where other runs left rows of their own (default: every appeal in scope)
              --appeals-file=FILE  the same, one id per line (blank lines ignored), as bench scenario writes them;
                                   may be given with --appeals (both sets are checked)
              --settle=DURATION    while inconsistent, check again until this time has passed (events in flight),
                                   e.g. 30s, 2m (default: check once)
              --samples=N          differences shown per check (default 10)
              --out=FILE           JSON report (default bench/results/ledger-<UTC timestamp>.json)

            Exit status: 0 consistent, 1 differences found, 2 invalid options or the database cannot be read.
            """;

    private static final Set<String> NAMES = Set.of("pg", "user", "password", "since", "appeals", "appeals-file",
            "settle", "samples", "out");
    private static final Duration PAUSE_BETWEEN_ROUNDS = Duration.ofSeconds(1);
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The run as asked for; {@code since} null checks everything, {@code settle} zero checks once. */
    record Options(String pg, String user, String password, Instant since, Set<UUID> appeals, Duration settle,
                   int samples, Path out) {

        static Options parse(String[] args, Instant now) {
            Map<String, String> given = CommandLine.options(args, NAMES);
            Set<UUID> appeals = appeals("--appeals", given.getOrDefault("appeals", "").split(","));
            if (given.containsKey("appeals-file")) {
                Set<UUID> fromFile = appealsFile(given.get("appeals-file"));
                if (fromFile.isEmpty()) {
                    // An empty scope would silently check every appeal: refuse rather than check the wrong thing.
                    throw new IllegalArgumentException("--appeals-file " + given.get("appeals-file")
                            + " lists no appeal");
                }
                appeals.addAll(fromFile);
            }
            return new Options(given.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:55432/appeals"),
                    given.getOrDefault("user", "postgres"), given.getOrDefault("password", "postgres"),
                    given.containsKey("since") ? instant(given.get("since")) : null,
                    appeals,
                    given.containsKey("settle") ? CommandLine.duration("settle", given.get("settle")) : Duration.ZERO,
                    samples(given.getOrDefault("samples", "10")),
                    Path.of(given.getOrDefault("out", "bench/results/" + NAME + "-" + FILE_TIMESTAMP.format(now)
                            + ".json")));
        }

        private static Instant instant(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since must be an instant such as 2026-12-02T10:00:00Z, got '"
                        + value + "'");
            }
        }

        private static Set<UUID> appeals(String option, String[] ids) {
            Set<UUID> appeals = new TreeSet<>();
            for (String id : ids) {
                if (id.isBlank()) {
                    continue;
                }
                try {
                    appeals.add(UUID.fromString(id.strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(option + " must list appeal ids (UUIDs), got '" + id + "'");
                }
            }
            return appeals;
        }

        private static Set<UUID> appealsFile(String file) {
            try {
                return appeals("--appeals-file " + file, Files.readAllLines(Path.of(file)).toArray(String[]::new));
            } catch (IOException e) {
                throw new IllegalArgumentException("--appeals-file: cannot read " + file + ": " + e.getMessage());
            }
        }

        private static int samples(String value) {
            try {
                int samples = Integer.parseInt(value);
                if (samples >= 0) {
                    return samples;
                }
            } catch (NumberFormatException e) {
                // reported below, with the option's name
            }
            throw new IllegalArgumentException("--samples must be a whole number of at least 0, got '" + value + "'");
        }
    }

    private LedgerCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(USAGE);
            return;
        }
        Instant started = Instant.now();
        Options options;
        try {
            options = Options.parse(args, started);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(EXIT_USAGE);
            return;
        }
        System.exit(run(options, started));
    }

    static int run(Options options, Instant started) throws Exception {
        LedgerReport report;
        int rounds = 0;
        Instant settleUntil = started.plus(options.settle());
        try (Connection db = DriverManager.getConnection(options.pg(), options.user(), options.password())) {
            db.setAutoCommit(false);
            db.setReadOnly(true);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            while (true) {
                rounds++;
                report = Ledger.check(db, options.since(), options.appeals(), options.samples());
                db.rollback();
                if (report.consistent() || !Instant.now().isBefore(settleUntil)) {
                    break;
                }
                System.err.printf("round %d: %,d differences, checking again%n", rounds, report.differences());
                Thread.sleep(PAUSE_BETWEEN_ROUNDS.toMillis());
            }
        } catch (SQLException e) {
            System.err.println("cannot read the ledger from " + options.pg() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        System.out.print(report.summary());
        write(options, started, rounds, report);
        return report.consistent() ? EXIT_CONSISTENT : EXIT_INCONSISTENT;
    }

    private static void write(Options options, Instant started, int rounds, LedgerReport report) throws Exception {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("benchmark", NAME);
        json.put("startedAt", started.toString());
        json.put("parameters", Map.of("pg", options.pg(), "user", options.user(),
                "since", String.valueOf(options.since()), "appeals", options.appeals().size(),
                "settleSeconds", options.settle().toSeconds(), "samples", options.samples()));
        json.put("rounds", rounds);
        json.put("consistent", report.consistent());
        json.put("differences", report.differences());
        json.put("secondsChecking", report.secondsChecking());
        json.put("statementSeconds", report.statementSeconds());
        json.put("checks", report.checks());
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.writeString(out, ContractJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(json) + "\n");
        System.out.println("report written to " + options.out());
    }
}
