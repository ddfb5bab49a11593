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
 * @param rated            answers rated by the applicant (latest cycle)
 * @param satisfied        of those, rated satisfied
 * @param satisfactionRate satisfied / rated, absent when nothing was rated
 */
public record RuralDistrictMetrics(String ruralDistrictKato, ReportingPeriod period, long received, long answered,
                                   long answeredOnTime, long extended, long redirected, long deemedRefused,
                                   long escalated, long rated, long satisfied, Double satisfactionRate) {

    public static RuralDistrictMetrics of(String ruralDistrictKato, ReportingPeriod period, long received,
                                          long answered, long answeredOnTime, long extended, long redirected,
                                          long deemedRefused, long escalated, long rated, long satisfied) {
        Double satisfactionRate = rated == 0 ? null : (double) satisfied / rated;
        return new RuralDistrictMetrics(ruralDistrictKato, period, received, answered, answeredOnTime, extended,
                redirected, deemedRefused, escalated, rated, satisfied, satisfactionRate);
    }

    /** A district with no appeals in the period: every count is zero, not unknown. */
    public static RuralDistrictMetrics none(String ruralDistrictKato, ReportingPeriod period) {
        return of(ruralDistrictKato, period, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
