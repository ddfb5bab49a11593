package kz.appeals.analytics.domain;

/**
 * The figures at the top of every level of the dashboard, each beside the others that qualify it: received,
 * answered, on time among the appeals whose answer came or was due, overdue now, deemed refused, extended, how high
 * escalations reached, and satisfaction — so that "answered on time" is never read alone beside the appeals that
 * got no answer. For a reader without an overseeing role the figures are public, and a count of 1–4 is suppressed
 * as in the open data ({@link SmallCounts}), with every share computed from one left empty.
 *
 * @param categoryCode          the category of a category breakdown's row; null when all categories are counted
 * @param smallCountsSuppressed whether counts of 1–4 read "&lt;5" (the public view)
 * @param due                   answered + overdueNow: the appeals whose answer came or whose term ran out
 * @param answeredShare         answered / received
 * @param onTimeShareOfDue      answeredOnTime / due
 * @param medianWorkingDaysToAnswer over the answered appeals
 * @param receivedPer1000Residents received per 1,000 residents (when they are known)
 * @param keptLocallyShare      the trust basis's share kept locally (weighted appeals)
 */
public record Headline(TerritoryLevel level, String kato, String categoryCode, ReportingPeriod period,
                       TerritoryMetrics.Territory territory, boolean smallCountsSuppressed, Figure received,
                       Figure answered, Figure answeredOnTime, Figure due, Figure overdueNow, Figure deemedRefused,
                       Figure extended, Figure reachedDistrictAkimat, Figure reachedRegion,
                       Figure reachedPresidentialAdministration, Figure rated, Figure satisfied,
                       Double answeredShare, Double onTimeShareOfDue, Double satisfactionRate,
                       Double medianWorkingDaysToAnswer, Double receivedPer1000Residents,
                       Double keptLocallyShare) {

    /**
     * One count as it may be shown.
     *
     * @param count the count; null when suppressed
     * @param shown the count as text, or "&lt;5"
     */
    public record Figure(Long count, String shown) {

        static Figure of(long count, boolean suppress) {
            return of((double) count, suppress);
        }

        /** A weighted count (the trust basis's appeals) is shown rounded to a whole number. */
        static Figure of(double count, boolean suppress) {
            return suppress && SmallCounts.identifying(count) ? new Figure(null, SmallCounts.SUPPRESSED)
                    : new Figure(Math.round(count), Long.toString(Math.round(count)));
        }

        boolean suppressed() {
            return count == null;
        }
    }

    /** @param suppress whether the reader sees public figures only */
    public static Headline of(TerritoryMetrics m, boolean suppress) {
        TerritoryMetrics.Escalations escalations = m.escalations();
        Figure received = Figure.of(m.received(), suppress);
        Figure answered = Figure.of(m.answered(), suppress);
        Figure onTime = Figure.of(m.answeredOnTime(), suppress);
        Figure due = Figure.of(m.answered() + m.overdueNow(), suppress);
        Figure rated = Figure.of(m.rated(), suppress);
        Figure satisfied = Figure.of(m.satisfied(), suppress);
        Figure trustAppeals = Figure.of(m.trustBasis().appeals(), suppress);
        return new Headline(m.level(), m.kato(), m.categoryCode(), m.period(), m.territory(), suppress, received, answered, onTime, due,
                Figure.of(m.overdueNow(), suppress), Figure.of(m.deemedRefused(), suppress),
                Figure.of(m.extended(), suppress), Figure.of(escalations.reachedDistrictAkimat(), suppress),
                Figure.of(escalations.reachedRegion(), suppress),
                Figure.of(escalations.reachedPresidentialAdministration(), suppress), rated, satisfied,
                unlessSuppressed(share(m.answered(), m.received()), answered, received),
                unlessSuppressed(m.onTimeShareOfDue(), onTime, due),
                unlessSuppressed(m.satisfactionRate(), satisfied, rated),
                unlessSuppressed(m.workingDaysToAnswer().median(), answered),
                unlessSuppressed(m.receivedPer1000Residents(), received),
                unlessSuppressed(share(m.trustBasis().keptLocally(), m.trustBasis().appeals()), trustAppeals));
    }

    private static Double share(double count, double of) {
        return of == 0 ? null : (double) count / of;
    }

    /** A figure computed from a suppressed count could give the count away: it is left empty. */
    static Double unlessSuppressed(Double value, Figure... basedOn) {
        for (Figure figure : basedOn) {
            if (figure.suppressed()) {
                return null;
            }
        }
        return value;
    }
}
