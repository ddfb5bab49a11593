package kz.appeals.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.bench.ledger.Ledger;
import kz.appeals.bench.ledger.LedgerReport;
import kz.appeals.testing.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger check (issue 9) after a scenario: as the command an operator runs, and against corrupted rows. */
final class Ledgers {

    private static final Path BENCH_JAR = ServiceProcess.ROOT.resolve("bench/target/bench.jar");
    private static final Path REPORTS = ServiceProcess.ROOT.resolve("system-tests/target/ledger");

    private Ledgers() {
    }

    /**
     * {@code bench.jar ledger} over the scenario's appeal since {@code since}, allowed 30 s for events in flight. The
     * shared test database also holds what earlier modules' tests fabricated (events of appeals intake never saw),
     * which sweeps and consumers still touch during the scenario: the check is scoped to the scenario's appeals.
     */
    static void assertConsistentSince(Instant since, UUID appealId)
            throws IOException, InterruptedException, SQLException {
        assertConsistentSince(since, Set.of(appealId), Duration.ofSeconds(30));
    }

    /**
     * The same over exactly {@code appealIds} (e.g. every appeal that got a 201 during a fault), checked again every
     * second while inconsistent until {@code settle} has passed: a backlog left by the fault drains meanwhile.
     */
    static void assertConsistentSince(Instant since, Collection<UUID> appealIds, Duration settle)
            throws IOException, InterruptedException, SQLException {
        assertFalse(appealIds.isEmpty(), "no appeals to check (the ledger would check every appeal instead)");
        assertIntakeHoldsAll(appealIds);
        Files.createDirectories(REPORTS);
        String run = "ledger-" + since.toEpochMilli() + "-" + Instant.now().toEpochMilli();
        Path appealsFile = REPORTS.resolve(run + ".appeals");
        Files.write(appealsFile, appealIds.stream().map(UUID::toString).toList());
        Path output = REPORTS.resolve(run + ".txt");
        Process ledger = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", BENCH_JAR.toString(), "ledger",
                "--pg=" + TestInfrastructure.JDBC_URL, "--since=" + since, "--appeals-file=" + appealsFile,
                "--settle=" + settle.toSeconds() + "s", "--out=" + REPORTS.resolve(run + ".json"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long limit = settle.plusSeconds(60).toSeconds();
        if (!ledger.waitFor(limit, TimeUnit.SECONDS)) {
            // not left running into the next scenario, where its rounds would compete with the services
            ledger.destroyForcibly().waitFor();
            throw new AssertionError("the ledger check did not finish in " + limit + " s; see " + output);
        }
        assertEquals(0, ledger.exitValue(), "the ledger check found differences:\n" + Files.readString(output));
        // Consistent over nothing would pass too: every listed appeal must have been in the ledger's scope.
        JsonNode scoped = new ObjectMapper().readTree(REPORTS.resolve(run + ".json").toFile()).path("checks");
        long checked = -1;
        for (JsonNode check : scoped) {
            if (check.path("name").asText().equals("accepted-by-intake")) {
                checked = check.path("checked").asLong();
            }
        }
        assertEquals(appealIds.size(), checked, "appeals the ledger checked; see " + output);
    }

    /**
     * A 201 is a promise that the appeal is durable. The ledger starts from intake's rows, so an appeal that got a 201
     * and is no longer there would go unnoticed by it.
     */
    private static void assertIntakeHoldsAll(Collection<UUID> appealIds) throws SQLException {
        try (Connection db = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres");
             PreparedStatement query = db.prepareStatement("select count(*) from intake.appeal where id = any(?)")) {
            query.setArray(1, db.createArrayOf("uuid", appealIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(appealIds.size(), row.getLong(1), "appeals answered 201 that intake does not hold");
            }
        }
    }

    /**
     * Corrupts the database inside a transaction that is rolled back: the appeal's routing row deleted and an
     * analytics fact of an appeal nobody registered added. The ledger must name both appeals.
     */
    static void assertCorruptionNamed(UUID appealId, Instant since) throws SQLException {
        UUID unregistered = UUID.randomUUID();
        try (Connection db = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres")) {
            db.setAutoCommit(false);
            try {
                execute(db, "delete from routing.routed_appeal where appeal_id = ?", appealId);
                execute(db, "insert into analytics.appeal_fact (appeal_id, last_event_at) values (?, now())",
                        unregistered);
                LedgerReport report = Ledger.check(db, since, Set.of(appealId, unregistered), 10);
                assertFalse(report.consistent(), report.summary());
                assertEquals(List.of(appealId.toString()), sampleIds(report, "routing-knows"), report.summary());
                assertEquals(List.of(unregistered.toString()), sampleIds(report, "accepted-by-intake"),
                        report.summary());
            } finally {
                db.rollback();
            }
        }
    }

    private static void execute(Connection db, String sql, UUID appealId) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, appealId);
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    private static List<String> sampleIds(LedgerReport report, String check) {
        return report.checks().stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow().samples()
                .stream().map(LedgerReport.Difference::appealId).toList();
    }
}
