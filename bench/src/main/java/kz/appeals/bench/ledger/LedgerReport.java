package kz.appeals.bench.ledger;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One round of the ledger: every check with how many appeals (or events, or keys) it looked at, how many differ, and
 * the first differences with what each service holds.
 *
 * @param secondsChecking  how long the round took
 * @param statementSeconds how long each statement took: the one behind every appeal rule, then each set check
 */
public record LedgerReport(String since, double secondsChecking, Map<String, Double> statementSeconds,
                           List<Check> checks) {

    /** @param checked what the check looked at; for appeal rules, the appeals the rule speaks about */
    public record Check(String name, String why, long checked, long differences, List<Difference> samples) {
    }

    /**
     * @param subject  the appeal id, an event id or a key
     * @param appealId the appeal the difference concerns, when known
     * @param holdings what each service holds of that appeal (appeal rules only)
     */
    public record Difference(String subject, String appealId, String problem, Holdings holdings) {
    }

    public boolean consistent() {
        return checks.stream().allMatch(check -> check.differences() == 0);
    }

    public long differences() {
        return checks.stream().mapToLong(Check::differences).sum();
    }

    /** For whoever runs the command: one line per check, then the first differences of each failing check. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        int width = checks.stream().mapToInt(check -> check.name().length()).max().orElse(0);
        for (Check check : checks) {
            text.append(String.format(Locale.ROOT, "%-" + width + "s  %s  %,d checked, %,d differ%n", check.name(),
                    check.differences() == 0 ? "ok  " : "FAIL", check.checked(), check.differences()));
        }
        for (Check check : checks) {
            if (check.differences() > 0) {
                text.append(String.format(Locale.ROOT, "%n%s (%s): first %d of %,d%n", check.name(), check.why(),
                        check.samples().size(), check.differences()));
                text.append(check.samples().stream().map(LedgerReport::line).collect(Collectors.joining()));
            }
        }
        text.append(String.format(Locale.ROOT, "%n%s: %,d differences in %d checks (%.1f s)%n",
                consistent() ? "CONSISTENT" : "INCONSISTENT", differences(), checks.size(), secondsChecking));
        return text.toString();
    }

    private static String line(Difference difference) {
        String appeal = difference.appealId() == null || difference.appealId().equals(difference.subject()) ? ""
                : " (appeal " + difference.appealId() + ")";
        String holdings = difference.holdings() == null ? "" : "\n      holds: " + difference.holdings();
        return "  " + difference.subject() + appeal + ": " + difference.problem() + holdings + "\n";
    }
}
