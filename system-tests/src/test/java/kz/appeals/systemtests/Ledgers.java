package kz.appeals.systemtests;

import kz.appeals.bench.ledger.Ledger;
import kz.appeals.bench.ledger.LedgerReport;
import kz.appeals.testing.TestInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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
     * {@code bench.jar ledger} over the scenario's appeals since {@code since}, allowed 30 s for events in flight. The
     * shared test database also holds what earlier modules' tests fabricated (events of appeals intake never saw),
     * which sweeps and consumers still touch during the scenario: the check is scoped to the scenario's appeals.
     */
    static void assertConsistentSince(Instant since, UUID appealId) throws IOException, InterruptedException {
        Files.createDirectories(REPORTS);
        Path output = REPORTS.resolve("ledger-" + since.toEpochMilli() + ".txt");
        Process ledger = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", BENCH_JAR.toString(), "ledger",
                "--pg=" + TestInfrastructure.JDBC_URL, "--since=" + since, "--appeals=" + appealId, "--settle=30s",
                "--out=" + REPORTS.resolve("ledger-" + since.toEpochMilli() + ".json"))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(ledger.waitFor(90, TimeUnit.SECONDS), "the ledger check did not finish in 90 s");
        assertEquals(0, ledger.exitValue(), "the ledger check found differences:\n" + Files.readString(output));
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
