package kz.appeals.analytics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Territories of one level within a larger one, ranked by {@link TrustIndex}, fairly: a territory is ranked only
 * with at least {@code minimumAppeals} weighted appeals in the period (the others are listed with the reason), and
 * equal indexes keep KATO order so that the table is stable. {@code computedAt} is when the facts it counts were
 * read: a ranking may be served for a while after newer facts came (see {@code RankingCache}), and says so.
 */
public record Ranking(ReportingPeriod period, Instant computedAt, String formula, int minimumAppeals,
                      int applicantWeightCap, List<Ranked> ranked, List<NotRanked> notRanked) {

    public record Ranked(int rank, String kato, long received, long keptLocally,
                         TerritoryMetrics.TrustBasis trustBasis, TrustIndex trust) {
    }

    public record NotRanked(String kato, long received, TerritoryMetrics.TrustBasis trustBasis, String reason) {
    }

    public static Ranking of(ReportingPeriod period, Instant computedAt, int minimumAppeals, int applicantWeightCap,
                             List<TerritoryMetrics> territories) {
        List<TerritoryMetrics> eligible = new ArrayList<>();
        List<NotRanked> notRanked = new ArrayList<>();
        for (TerritoryMetrics territory : territories) {
            if (territory.trust() != null && territory.trustBasis().appeals() >= minimumAppeals) {
                eligible.add(territory);
            } else {
                notRanked.add(new NotRanked(territory.kato(), territory.received(), territory.trustBasis(),
                        "fewer than " + minimumAppeals + " weighted appeals in the period"));
            }
        }
        eligible.sort(Comparator.comparingDouble((TerritoryMetrics t) -> t.trust().lower()).reversed()
                .thenComparing(TerritoryMetrics::kato));
        List<Ranked> ranked = new ArrayList<>();
        for (TerritoryMetrics t : eligible) {
            ranked.add(new Ranked(ranked.size() + 1, t.kato(), t.received(), t.keptLocally(), t.trustBasis(),
                    t.trust()));
        }
        return new Ranking(period, computedAt, TrustIndex.FORMULA, minimumAppeals, applicantWeightCap,
                List.copyOf(ranked), List.copyOf(notRanked));
    }
}
