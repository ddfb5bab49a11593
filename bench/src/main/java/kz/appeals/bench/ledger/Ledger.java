package kz.appeals.bench.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every check once on a connection that may read all five schemas (e.g. the postgres superuser), inside the
 * caller's transaction: a repeatable-read one makes every check see the same instant.
 */
public final class Ledger {

    private Ledger() {
    }

    /**
     * @param since   only appeals and events from this instant on ({@code null}: all)
     * @param samples how many differences to keep per check
     */
    public static LedgerReport check(Connection db, Instant since, int samples) throws SQLException {
        long started = System.nanoTime();
        try (PreparedStatement scope = db.prepareStatement("select set_config('ledger.since', ?, true)")) {
            scope.setString(1, since == null ? "-infinity" : since.toString());
            scope.execute();
        }
        List<LedgerReport.Check> checks = new ArrayList<>(appealRules(db, samples));
        for (EventChecks.SetCheck check : EventChecks.ALL) {
            checks.add(setCheck(db, check, samples));
        }
        return new LedgerReport(since == null ? null : since.toString(), (System.nanoTime() - started) / 1e9, checks);
    }

    private static List<LedgerReport.Check> appealRules(Connection db, int samples) throws SQLException {
        List<RuleTally> tallies = AppealRules.ALL.stream().map(rule -> new RuleTally(rule, samples)).toList();
        HoldingsQuery.forEach(db, holdings -> tallies.forEach(tally -> tally.add(holdings)));
        return tallies.stream().map(RuleTally::check).toList();
    }

    /** One rule's count over the streamed appeals, keeping the first differences. */
    static final class RuleTally {
        private final AppealRules.Rule rule;
        private final int samples;
        private final List<LedgerReport.Difference> first = new ArrayList<>();
        private long checked;
        private long differences;

        RuleTally(AppealRules.Rule rule, int samples) {
            this.rule = rule;
            this.samples = samples;
        }

        void add(Holdings holdings) {
            if (!rule.appliesTo().test(holdings)) {
                return;
            }
            checked++;
            rule.problem().apply(holdings).ifPresent(problem -> {
                differences++;
                if (first.size() < samples) {
                    String id = holdings.appealId().toString();
                    first.add(new LedgerReport.Difference(id, id, problem, holdings));
                }
            });
        }

        LedgerReport.Check check() {
            return new LedgerReport.Check(rule.name(), rule.why(), checked, differences, List.copyOf(first));
        }
    }

    /** The population's counts and its first differences in one statement, so the population is computed once. */
    private static LedgerReport.Check setCheck(Connection db, EventChecks.SetCheck check, int samples)
            throws SQLException {
        String sql = """
                with population as materialized (%s)
                (select true as totals, count(*) as checked, count(problem) as differences,
                        null as subject, null as appeal_id, null as problem from population)
                union all
                (select false, null, null, subject, appeal_id, problem from population where problem is not null
                 order by subject limit ?)""".formatted(check.sql());
        long checked = 0;
        long differences = 0;
        List<LedgerReport.Difference> first = new ArrayList<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setInt(1, samples);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (row.getBoolean("totals")) {
                        checked = row.getLong("checked");
                        differences = row.getLong("differences");
                    } else {
                        first.add(new LedgerReport.Difference(row.getString("subject"), row.getString("appeal_id"),
                                row.getString("problem"), null));
                    }
                }
            }
        }
        return new LedgerReport.Check(check.name(), check.why(), checked, differences, first);
    }
}
