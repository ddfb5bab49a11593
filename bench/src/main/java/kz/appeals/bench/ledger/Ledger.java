package kz.appeals.bench.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs every check once on a connection that may read all five schemas (e.g. the postgres superuser), inside the
 * caller's transaction: a repeatable-read one makes every check see the same instant.
 */
public final class Ledger {

    private static final String WORK_MEM = "256MB";

    private Ledger() {
    }

    /**
     * @param since   only appeals and events from this instant on ({@code null}: all)
     * @param samples how many differences to keep per check
     */
    public static LedgerReport check(Connection db, Instant since, int samples) throws SQLException {
        return check(db, since, Set.of(), samples);
    }

    /** @param appeals only these appeals and their events (empty: every appeal in {@code since}'s scope) */
    public static LedgerReport check(Connection db, Instant since, Set<UUID> appeals, int samples)
            throws SQLException {
        long started = System.nanoTime();
        // Transaction-local: the scope, and memory for hash joins and sorts of millions of ids that would otherwise
        // spill to disk in batches.
        try (PreparedStatement settings = db.prepareStatement(
                "select set_config('ledger.since', ?, true), set_config('ledger.scoped', ?, true), "
                        + "set_config('ledger.appeals', ?, true), set_config('work_mem', '" + WORK_MEM + "', true)")) {
            settings.setString(1, since == null ? "-infinity" : since.toString());
            settings.setString(2, Boolean.toString(!appeals.isEmpty()));
            settings.setString(3, appeals.stream().map(UUID::toString).sorted().collect(Collectors.joining(",")));
            settings.execute();
        }
        Map<String, Double> statementSeconds = new LinkedHashMap<>();
        long statement = System.nanoTime();
        List<LedgerReport.Check> checks = new ArrayList<>(appealRules(db, samples));
        statementSeconds.put("appeal-holdings", secondsSince(statement));
        for (EventChecks.SetCheck check : EventChecks.ALL) {
            statement = System.nanoTime();
            checks.add(setCheck(db, check, samples));
            statementSeconds.put(check.name(), secondsSince(statement));
        }
        return new LedgerReport(since == null ? null : since.toString(), secondsSince(started), statementSeconds,
                checks);
    }

    private static double secondsSince(long nanos) {
        return Math.round((System.nanoTime() - nanos) / 1e7) / 100.0;
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

    /**
     * The population's counts in one pass, then, only when something differs, its first differences: materialising a
     * population of millions of events to read it twice would cost more than computing the rare second pass.
     */
    private static LedgerReport.Check setCheck(Connection db, EventChecks.SetCheck check, int samples)
            throws SQLException {
        long checked;
        long differences;
        try (PreparedStatement statement = db.prepareStatement(
                "select count(*), count(problem) from (" + check.sql() + ") as population");
             ResultSet row = statement.executeQuery()) {
            row.next();
            checked = row.getLong(1);
            differences = row.getLong(2);
        }
        List<LedgerReport.Difference> first = new ArrayList<>();
        if (differences > 0) {
            try (PreparedStatement statement = db.prepareStatement("select subject, appeal_id, problem from ("
                    + check.sql() + ") as population where problem is not null order by subject limit ?")) {
                statement.setInt(1, samples);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        first.add(new LedgerReport.Difference(row.getString("subject"), row.getString("appeal_id"),
                                row.getString("problem"), null));
                    }
                }
            }
        }
        return new LedgerReport.Check(check.name(), check.why(), checked, differences, first);
    }
}
