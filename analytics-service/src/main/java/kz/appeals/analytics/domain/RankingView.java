package kz.appeals.analytics.domain;

import kz.appeals.analytics.domain.funnel.FunnelParameters;
import kz.appeals.analytics.domain.funnel.FunnelPoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link Ranking} as the dashboard shows it: for anyone, since the ranking is computed from the open data's
 * aggregates, with the open data's small-count rule ({@link SmallCounts}) — a territory's appeals of 1–4 read
 * "&lt;5", and its place in the trust funnel (rate, limits, band, shrunk estimate) is left out when its weighted
 * appeals are 1–4, its place in the escalation funnel when the letters that reached the district akimat or higher
 * are (as the open data's {@code trust_*} and {@code escalation_*} columns). The funnels' parameters are pooled over
 * every territory and published as they are. For an overseeing role nothing is suppressed.
 */
public record RankingView(ReportingPeriod period, ComparisonGroup group, Instant computedAt, String formula, int minimumAppeals,
                          int applicantWeightCap, FunnelParameters funnel, FunnelParameters escalationFunnel,
                          boolean smallCountsSuppressed, List<Row> ranked, List<Row> notRanked) {

    /**
     * @param rank       shared within a band; null for a territory not ranked
     * @param territory  its names and akim
     * @param reasonCode why it is not ranked; null for a ranked territory
     * @param funnel     its place in the trust funnel; null without appeals, or suppressed
     */
    public record Row(Integer rank, String kato, TerritoryMetrics.Territory territory, Headline.Figure received, Ranking.NotRankedReason reasonCode,
                      String reason, FunnelPoint funnel, FunnelPoint escalationFunnel) {
    }

    /**
     * @param territories the names and akims of the territories ranked, by KATO code
     * @param suppress    whether the reader sees public figures only
     */
    public static RankingView of(Ranking ranking, Map<String, TerritoryMetrics.Territory> territories,
                                 boolean suppress) {
        Function<String, TerritoryMetrics.Territory> territory = kato -> territories.getOrDefault(kato,
                TerritoryMetrics.Territory.UNKNOWN);
        return new RankingView(ranking.period(), ranking.group(), ranking.computedAt(), ranking.formula(), ranking.minimumAppeals(),
                ranking.applicantWeightCap(), ranking.funnel(), ranking.escalationFunnel(), suppress,
                ranking.ranked().stream().map(r -> row(r.rank(), r.kato(), territory.apply(r.kato()), r.received(), null, null,
                        r.trustBasis(), r.funnel(), r.escalationFunnel(), suppress)).toList(),
                ranking.notRanked().stream().map(r -> row(null, r.kato(), territory.apply(r.kato()), r.received(), r.reasonCode(), r.reason(),
                        r.trustBasis(), r.funnel(), r.escalationFunnel(), suppress)).toList());
    }

    private static Row row(Integer rank, String kato, TerritoryMetrics.Territory territory, long received, Ranking.NotRankedReason reasonCode,
                           String reason, TerritoryMetrics.TrustBasis basis, FunnelPoint funnel,
                           FunnelPoint escalationFunnel, boolean suppress) {
        boolean trustSuppressed = suppress && SmallCounts.identifying(basis.appeals());
        // the escalation funnel's count is the letters per 1,000 residents times the residents in thousands
        boolean escalationsSuppressed = suppress && escalationFunnel != null
                && SmallCounts.identifying(Math.round(escalationFunnel.rate() * escalationFunnel.volume()));
        return new Row(rank, kato, territory, Headline.Figure.of(received, suppress), reasonCode, reason,
                trustSuppressed ? null : funnel, escalationsSuppressed ? null : escalationFunnel);
    }
}
