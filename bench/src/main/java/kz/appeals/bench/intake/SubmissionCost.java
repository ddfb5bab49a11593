package kz.appeals.bench.intake;

import kz.appeals.bench.ServiceUnderTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * What one accepted submission cost, from counters read before and after the measured phase: CPU of intake, of the
 * PostgreSQL server and of the load generator (from the operating system, so it does not depend on what else kept
 * the cores busy), and the database's work (transactions committed, rows written, WAL bytes). On a machine whose
 * cores the three share, the CPU sum bounds the rate: {@code cores × 1000 / (CPU ms per appeal)}.
 */
record SubmissionCost(double intakeCpuMs, double databaseCpuMs, double loadGeneratorCpuMs, double commits,
                      double rowsInserted, double rowsUpdated, double rowsFetched, double walBytes,
                      double cpuBoundAppealsPerSecond) {

    /** Counters at one moment; intake's CPU only when its process is known. */
    record Snapshot(Optional<Duration> intakeCpu, Duration databaseCpu, Duration loadGeneratorCpu, long commits,
                    long inserted, long updated, long fetched, long walBytes) {

        static Snapshot take(Optional<ProcessHandle> intake, Connection db) throws SQLException {
            try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("""
                    select xact_commit, tup_inserted, tup_updated, tup_fetched,
                           pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
                    from pg_stat_database where datname = current_database()""")) {
                row.next();
                return new Snapshot(intake.flatMap(process -> process.info().totalCpuDuration()),
                        ServiceUnderTest.databaseCpuTime(db),
                        ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO),
                        row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5));
            }
        }
    }

    /**
     * Statistics counters are flushed by each backend at the end of its transactions and at most every second or
     * so: read {@code after} a moment after the load stopped, or the last second's work is missing.
     */
    static SubmissionCost between(Snapshot before, Snapshot after, long appeals, int cores) {
        double n = Math.max(1, appeals);
        double intake = after.intakeCpu().flatMap(end -> before.intakeCpu().map(end::minus))
                .map(d -> d.toNanos() / 1e6 / n).orElse(Double.NaN);
        double database = after.databaseCpu().minus(before.databaseCpu()).toNanos() / 1e6 / n;
        double generator = after.loadGeneratorCpu().minus(before.loadGeneratorCpu()).toNanos() / 1e6 / n;
        double cpu = (Double.isNaN(intake) ? 0 : intake) + database + generator;
        return new SubmissionCost(round(intake), round(database), round(generator),
                round((after.commits() - before.commits()) / n), round((after.inserted() - before.inserted()) / n),
                round((after.updated() - before.updated()) / n), round((after.fetched() - before.fetched()) / n),
                Math.round((after.walBytes() - before.walBytes()) / n), Math.round(cores * 1000 / cpu));
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
