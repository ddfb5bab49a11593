package kz.appeals.analytics.domain;

import kz.appeals.analytics.domain.funnel.BinomialFunnel;
import kz.appeals.analytics.domain.funnel.Funnel;
import kz.appeals.analytics.domain.funnel.FunnelUnit;
import kz.appeals.analytics.domain.funnel.PoissonFunnel;
import kz.appeals.contracts.TerritoryEvents.UnitKind;

import java.util.List;

/**
 * Trust metrics of one territory — a rural district's akim, or a district or region rolled up — over a period:
 * counts of the appeals registered in the period whose problem lies in the territory, by what happened to them so
 * far, optionally for one category only. Rates are absent when their denominator is zero.
 *
 * @param categoryCode      the category of a category breakdown; null when all categories are counted
 * @param territory         names, residents and akim from routing's reference; null fields when not known
 * @param received          appeals registered in the period and routed to a body for this territory
 * @param receivedPer1000Residents received per 1,000 residents of the territory's rural districts and cities
 * @param answered          of those, answered at least once
 * @param answeredOnTime    first answer on or before the current body's due date ({@link AnswerTerm})
 * @param onTimeRate        answeredOnTime / answered
 * @param overdueNow        not answered although the current body's term ran out before now: the appeals an
 *                          on-time rate over the answered ones leaves out (those deemed refused among them; not
 *                          those whose term was extended, whose new term analytics does not know)
 * @param onTimeShareOfDue  answeredOnTime / (answered + overdueNow): the share on time among the appeals whose
 *                          answer came or was due
 * @param workingDaysToAnswer working days from the start of the current body's term to the first answer
 * @param extended          term extended by the head of the body at least once
 * @param redirected        redirected to another body at least once (misrouting)
 * @param deemedRefused     deemed refused because no decision came in time (APPK Art. 91(2))
 * @param escalated         escalated to a higher body at least once
 * @param escalations       how high the escalations reached, per 100 appeals received and per 1,000 residents
 * @param keptLocally       neither deemed refused nor escalated above the body that held it ({@link TrustIndex})
 * @param reopened          reopened by the applicant as not satisfied at least once
 * @param rated             answers rated by the applicant (latest cycle)
 * @param satisfied         of those, rated satisfied
 * @param satisfactionRate  satisfied / rated
 * @param trustBasis        what the trust index counts: the appeals since the akim took office, repeated appeals
 *                          merged, each applicant's weight capped
 * @param trust             the trust index over {@code trustBasis}; absent when nothing was received
 */
public record TerritoryMetrics(TerritoryLevel level, String kato, String categoryCode, ReportingPeriod period,
                               Territory territory, long received, Double receivedPer1000Residents, long answered,
                               long answeredOnTime, Double onTimeRate, long overdueNow, Double onTimeShareOfDue,
                               WorkingDaysToAnswer workingDaysToAnswer, long extended, Double extensionRate,
                               long redirected, Double redirectRate, long deemedRefused, Double deemedRefusalRate,
                               long escalated, Escalations escalations, long keptLocally, long reopened,
                               Double reopenRate, long rated, long satisfied, Double satisfactionRate,
                               TrustBasis trustBasis, TrustIndex trust) {

    /**
     * @param residents        residents of the territory's rural districts and cities; absent unless every one is known
     * @param akimElectedSince for a unit with an akim of its own, the day the akim took office: the trust index counts
     *                         from it
     * @param kind             what kind of body it is; null when the reference does not know the unit
     */
    public record Territory(String nameKk, String nameRu, Long residents, String akimName,
                            java.time.LocalDate akimElectedSince, UnitKind kind) {

        public static final Territory UNKNOWN = new Territory(null, null, null, null, null, null);
    }

    /** Median and 90th percentile over the answered appeals; absent when none was answered. */
    public record WorkingDaysToAnswer(Double median, Double p90) {
    }

    /**
     * Appeals whose escalation reached at least the district akimat, at least the region, and the Presidential
     * Administration (the President's measure of trust in an akim: how many residents' letters reach the centre),
     * each also per 100 appeals received. A national agency ranks above the region.
     */
    public record Escalations(long reachedDistrictAkimat, long reachedRegion, long reachedPresidentialAdministration,
                              Double reachedDistrictAkimatPer100, Double reachedRegionPer100,
                              Double reachedPresidentialAdministrationPer100,
                              Double reachedDistrictAkimatPer1000Residents, Double reachedRegionPer1000Residents,
                              Double reachedPresidentialAdministrationPer1000Residents) {

        static Escalations of(long received, Long residents, long reachedDistrictAkimat, long reachedRegion,
                              long reachedPresidentialAdministration) {
            return new Escalations(reachedDistrictAkimat, reachedRegion, reachedPresidentialAdministration,
                    per(100, reachedDistrictAkimat, received), per(100, reachedRegion, received),
                    per(100, reachedPresidentialAdministration, received),
                    perThousand(reachedDistrictAkimat, residents), perThousand(reachedRegion, residents),
                    perThousand(reachedPresidentialAdministration, residents));
        }
    }

    /**
     * The trust index's evidence ({@link TrustIndex#FORMULA}): an applicant's appeals on one issue count as one,
     * kept locally only if all of them were; an applicant's issues weigh at most the cap together.
     *
     * @param applicants distinct applicants (an anonymous signal counts as its own applicant)
     * @param appeals    weighted appeals
     * @param keptLocally weighted appeals kept locally
     */
    public record TrustBasis(long applicants, double appeals, double keptLocally) {
    }

    /** The counts as the metrics query returns them. */
    public record Counts(long received, long answered, long answeredOnTime, long overdueNow, Double medianWorkingDays,
                         Double p90WorkingDays, long extended, long redirected, long deemedRefused, long escalated,
                         long reachedDistrictAkimat, long reachedRegion, long reachedPresidentialAdministration,
                         long keptLocally, long reopened, long rated, long satisfied, TrustBasis trustBasis) {

        static final Counts NONE = new Counts(0, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                new TrustBasis(0, 0, 0));
    }

    public static TerritoryMetrics of(TerritoryLevel level, String kato, String categoryCode, ReportingPeriod period,
                                      Territory territory, Counts c) {
        TrustBasis basis = c.trustBasis();
        TrustIndex trust = basis.appeals() > 0 ? TrustIndex.of(basis.keptLocally(), basis.appeals()) : null;
        Long residents = territory.residents();
        return new TerritoryMetrics(level, kato, categoryCode, period, territory, c.received(),
                perThousand(c.received(), residents), c.answered(),
                c.answeredOnTime(), share(c.answeredOnTime(), c.answered()), c.overdueNow(),
                share(c.answeredOnTime(), c.answered() + c.overdueNow()),
                new WorkingDaysToAnswer(c.medianWorkingDays(), c.p90WorkingDays()), c.extended(),
                share(c.extended(), c.received()), c.redirected(), share(c.redirected(), c.received()),
                c.deemedRefused(), share(c.deemedRefused(), c.received()), c.escalated(),
                Escalations.of(c.received(), residents, c.reachedDistrictAkimat(), c.reachedRegion(),
                        c.reachedPresidentialAdministration()),
                c.keptLocally(), c.reopened(), share(c.reopened(), c.received()), c.rated(), c.satisfied(),
                share(c.satisfied(), c.rated()), basis, trust);
    }

    /**
     * The trust index's funnel over these territories ({@link BinomialFunnel}): every territory with a trust basis
     * is a unit, weighted appeals its volume, weighted appeals kept locally its count.
     */
    public static Funnel trustFunnel(List<TerritoryMetrics> territories) {
        return BinomialFunnel.of(territories.stream().filter(t -> t.trustBasis().appeals() > 0)
                .map(t -> new FunnelUnit(t.kato(), t.trustBasis().appeals(), t.trustBasis().keptLocally())).toList());
    }

    /**
     * The funnel of letters that reached the district akimat or higher per 1,000 residents ({@link PoissonFunnel}):
     * every territory whose residents are known is a unit, its thousands of residents the volume.
     */
    public static Funnel escalationFunnel(List<TerritoryMetrics> territories) {
        return PoissonFunnel.of(territories.stream()
                .filter(t -> t.territory().residents() != null && t.territory().residents() > 0)
                .map(t -> new FunnelUnit(t.kato(), t.territory().residents() / 1000.0,
                        t.escalations().reachedDistrictAkimat())).toList());
    }

    public TerritoryMetrics withPeriod(ReportingPeriod other) {
        return new TerritoryMetrics(level, kato, categoryCode, other, territory, received, receivedPer1000Residents,
                answered, answeredOnTime, onTimeRate, overdueNow, onTimeShareOfDue, workingDaysToAnswer, extended, extensionRate, redirected, redirectRate, deemedRefused,
                deemedRefusalRate, escalated, escalations, keptLocally, reopened, reopenRate, rated, satisfied,
                satisfactionRate, trustBasis, trust);
    }

    /** A territory with no appeals in the period: every count is zero, not unknown. */
    public static TerritoryMetrics none(TerritoryLevel level, String kato, ReportingPeriod period,
                                        Territory territory) {
        return of(level, kato, null, period, territory, Counts.NONE);
    }

    private static Double share(long count, long of) {
        return of == 0 ? null : (double) count / of;
    }

    private static Double per(int unit, long count, long of) {
        return of == 0 ? null : (double) unit * count / of;
    }

    private static Double perThousand(long count, Long residents) {
        return residents == null || residents == 0 ? null : per(1000, count, residents);
    }
}
