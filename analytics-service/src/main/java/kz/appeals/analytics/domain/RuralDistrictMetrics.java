package kz.appeals.analytics.domain;

/**
 * Trust metrics of one rural district's akim over a period: counts of the appeals registered in the period whose
 * problem lies in the district, by what happened to them so far.
 *
 * @param received         appeals registered in the period and routed to a body for this district
 * @param answered         of those, answered at least once
 * @param answeredOnTime   first answer on or before the due date ({@link AnswerTerm})
 * @param extended         term extended by the head of the body at least once
 * @param redirected       redirected to another body at least once (misrouting)
 * @param deemedRefused    deemed refused because no decision came in time (APPK Art. 91(2))
 * @param escalated        escalated to a higher body at least once
 * @param escalations      how high the escalations reached, and per 100 appeals received
 * @param keptLocally      neither deemed refused nor escalated above the rural district ({@link TrustIndex})
 * @param reopened         reopened by the applicant as not satisfied at least once
 * @param rated            answers rated by the applicant (latest cycle)
 * @param satisfied        of those, rated satisfied
 * @param satisfactionRate satisfied / rated, absent when nothing was rated
 */
public record RuralDistrictMetrics(String ruralDistrictKato, ReportingPeriod period, long received, long answered,
                                   long answeredOnTime, long extended, long redirected, long deemedRefused,
                                   long escalated, Escalations escalations, long keptLocally, long reopened,
                                   long rated,
                                   long satisfied, Double satisfactionRate) {

    /**
     * Appeals whose escalation reached at least the district akimat, at least the region, and the Presidential
     * Administration (the President's measure of trust in an akim: how many residents' letters reach the centre),
     * each also per 100 appeals received (absent when none was received). A national agency ranks above the region.
     */
    public record Escalations(long reachedDistrictAkimat, long reachedRegion, long reachedPresidentialAdministration,
                              Double reachedDistrictAkimatPer100, Double reachedRegionPer100,
                              Double reachedPresidentialAdministrationPer100) {

        static Escalations of(long received, long reachedDistrictAkimat, long reachedRegion,
                              long reachedPresidentialAdministration) {
            return new Escalations(reachedDistrictAkimat, reachedRegion, reachedPresidentialAdministration,
                    per100(reachedDistrictAkimat, received), per100(reachedRegion, received),
                    per100(reachedPresidentialAdministration, received));
        }

        private static Double per100(long count, long received) {
            return received == 0 ? null : 100.0 * count / received;
        }
    }

    /** The counts as the metrics query returns them, in its column order; the rates are derived here. */
    public static RuralDistrictMetrics of(String ruralDistrictKato, ReportingPeriod period, long received,
                                          long answered, long answeredOnTime, long extended, long redirected,
                                          long deemedRefused, long escalated, long reachedDistrictAkimat,
                                          long reachedRegion, long reachedPresidentialAdministration,
                                          long keptLocally, long reopened, long rated, long satisfied) {
        Double satisfactionRate = rated == 0 ? null : (double) satisfied / rated;
        return new RuralDistrictMetrics(ruralDistrictKato, period, received, answered, answeredOnTime, extended,
                redirected, deemedRefused, escalated, Escalations.of(received, reachedDistrictAkimat, reachedRegion,
                reachedPresidentialAdministration), keptLocally, reopened, rated, satisfied, satisfactionRate);
    }

    /** A district with no appeals in the period: every count is zero, not unknown. */
    public static RuralDistrictMetrics none(String ruralDistrictKato, ReportingPeriod period) {
        return of(ruralDistrictKato, period, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
