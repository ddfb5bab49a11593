package kz.appeals.analytics.domain;

import kz.appeals.analytics.domain.funnel.Funnel;
import kz.appeals.analytics.domain.funnel.FunnelParameters;
import kz.appeals.analytics.domain.funnel.FunnelPoint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Territories of one level within a larger one compared fairly, by the trust index's funnel
 * ({@link TerritoryMetrics#trustFunnel}): every territory with appeals has its band — outside the 99.8 % or the
 * 95 % control limits at its volume, above or below, or as expected — and its shrunk estimate. Territories are
 * listed best band first and, within a band, in KATO order: units inside the same band are not told apart by the
 * evidence, so they are not ordered against each other, and their {@code rank} is shared (one plus the number of
 * territories in a better band). The Wilson interval ({@link TrustIndex}) stays in every row; it no longer orders
 * them, because its lower bound falls with volume (20 of 20 came below 170 of 183). A territory is ranked only with
 * at least {@code minimumAppeals} weighted appeals in the period; the others — every unit of the territory without
 * appeals too — are listed with the reason and their band. {@code computedAt} is when the facts it counts were read: a ranking may be served for a while after newer
 * facts came (see {@code RankingCache}), and says so. Only the territories of one {@link ComparisonGroup} are
 * compared, and the ranking says which: the others are in another group's ranking, not in this one's funnel.
 */
public record Ranking(ReportingPeriod period, ComparisonGroup group, Instant computedAt, String formula,
                      int minimumAppeals, int applicantWeightCap, FunnelParameters funnel, FunnelParameters escalationFunnel,
                      List<Ranked> ranked, List<NotRanked> notRanked) {

    /**
     * @param funnel           the territory's band, control limits at its volume and shrunk estimate
     * @param escalationFunnel its band and limits of letters that reached the district akimat or higher per 1,000
     *                         residents ({@link TerritoryMetrics#escalationFunnel}); null when its residents are
     *                         unknown. Shown beside the trust funnel, it does not order the ranking.
     */
    public record Ranked(int rank, String kato, long received, long keptLocally,
                         TerritoryMetrics.TrustBasis trustBasis, TrustIndex trust, FunnelPoint funnel,
                         FunnelPoint escalationFunnel) {
    }

    /**
     * @param reasonCode why it is not ranked, for a reader's language
     * @param reason     the same in words
     * @param funnel     as for a ranked territory; null without appeals in the trust basis
     */
    public record NotRanked(String kato, long received, TerritoryMetrics.TrustBasis trustBasis,
                            NotRankedReason reasonCode, String reason, FunnelPoint funnel,
                            FunnelPoint escalationFunnel) {
    }

    /**
     * Why a territory is below the minimum volume. An akim who took office during the period is judged only on the
     * appeals registered since ({@link TrustIndex#FORMULA}), so a new akim's short record is named as such rather
     * than as a quiet village's.
     */
    public enum NotRankedReason {
        NO_APPEALS, AKIM_NEW_IN_OFFICE, TOO_FEW_APPEALS;

        static NotRankedReason of(TerritoryMetrics territory) {
            LocalDate since = territory.territory().akimElectedSince();
            if (since != null && since.isAfter(territory.period().from())) {
                return AKIM_NEW_IN_OFFICE;
            }
            return territory.received() == 0 ? NO_APPEALS : TOO_FEW_APPEALS;
        }

        String explained(int minimumAppeals) {
            return switch (this) {
                case NO_APPEALS -> "no appeals in the period";
                case AKIM_NEW_IN_OFFICE -> "akim new in office: fewer than " + minimumAppeals
                        + " weighted appeals since taking office";
                case TOO_FEW_APPEALS -> "fewer than " + minimumAppeals + " weighted appeals in the period";
            };
        }
    }

    /** @param units the units of the territory at the level ranked; those of other groups are left out */
    public static Ranking of(ReportingPeriod period, ComparisonGroup group, Instant computedAt, int minimumAppeals,
                             int applicantWeightCap, List<TerritoryMetrics> units) {
        List<TerritoryMetrics> territories = units.stream().filter(group::compares).toList();
        Funnel funnel = TerritoryMetrics.trustFunnel(territories);
        Funnel escalations = TerritoryMetrics.escalationFunnel(territories);
        Map<String, FunnelPoint> points = funnel.byId();
        Map<String, FunnelPoint> escalationPoints = escalations.byId();
        List<TerritoryMetrics> eligible = new ArrayList<>();
        List<NotRanked> notRanked = new ArrayList<>();
        for (TerritoryMetrics territory : territories) {
            if (territory.trust() != null && territory.trustBasis().appeals() >= minimumAppeals) {
                eligible.add(territory);
            } else {
                NotRankedReason reason = NotRankedReason.of(territory);
                notRanked.add(new NotRanked(territory.kato(), territory.received(), territory.trustBasis(), reason,
                        reason.explained(minimumAppeals), points.get(territory.kato()),
                        escalationPoints.get(territory.kato())));
            }
        }
        Comparator<TerritoryMetrics> byBand = Comparator.comparing(t -> points.get(t.kato()).band());
        eligible.sort(byBand.reversed().thenComparing(TerritoryMetrics::kato));
        List<Ranked> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < eligible.size(); i++) {
            TerritoryMetrics t = eligible.get(i);
            if (i == 0 || byBand.compare(eligible.get(i - 1), t) != 0) {
                rank = i + 1;
            }
            ranked.add(new Ranked(rank, t.kato(), t.received(), t.keptLocally(), t.trustBasis(), t.trust(),
                    points.get(t.kato()), escalationPoints.get(t.kato())));
        }
        return new Ranking(period, group, computedAt, TrustIndex.FORMULA, minimumAppeals, applicantWeightCap,
                funnel.parameters(), escalations.parameters(), List.copyOf(ranked), List.copyOf(notRanked));
    }
}
