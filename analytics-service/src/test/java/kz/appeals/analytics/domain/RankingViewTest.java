package kz.appeals.analytics.domain;

import kz.appeals.contracts.TerritoryEvents.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ranking as the public dashboard shows it: the open data's small-count rule, and nothing hidden from an overseer. */
class RankingViewTest {

    private static final ReportingPeriod NOVEMBER = new ReportingPeriod(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30));
    private static final TerritoryMetrics.Territory VILLAGE = new TerritoryMetrics.Territory("Ауыл", "Аул", 2000L,
            "Әкім", null, UnitKind.VILLAGE_AKIMAT);

    /**
     * Three rural districts of 2,000 residents: 40 appeals with 6 letters that went higher, 40 with 3, and 3 appeals
     * with none. In public the three appeals read "&lt;5" and their district's place in the trust funnel is left out,
     * as is the second district's place in the escalation funnel (3 letters); the first is shown whole.
     */
    @Test
    void thePublicSeesTheOpenDatasFiguresAndAnOverseerTheExactOnes() {
        List<TerritoryMetrics> districts = List.of(district("191010000", 40, 6), district("191020000", 40, 3),
                district("191030000", 3, 0));
        Ranking ranking = Ranking.of(NOVEMBER, ComparisonGroup.RURAL, Instant.parse("2026-12-01T05:00:00Z"), 20, 3, districts);
        Map<String, TerritoryMetrics.Territory> names = districts.stream()
                .collect(Collectors.toMap(TerritoryMetrics::kato, TerritoryMetrics::territory));

        RankingView open = RankingView.of(ranking, names, true);
        assertTrue(open.smallCountsSuppressed());
        Map<String, RankingView.Row> rows = byKato(open);
        RankingView.Row small = rows.get("191030000");
        assertNull(small.rank());
        assertEquals(Ranking.NotRankedReason.TOO_FEW_APPEALS, small.reasonCode());
        assertNull(small.received().count());
        assertEquals("<5", small.received().shown());
        assertNull(small.funnel(), "3 appeals: no rate, limits or estimate to give them away");
        assertEquals("Аул", small.territory().nameRu());
        RankingView.Row whole = rows.get("191010000");
        assertEquals("40", whole.received().shown());
        assertNotNull(whole.funnel());
        assertNotNull(whole.escalationFunnel(), "6 letters are published");
        assertNotNull(whole.rank());
        assertNull(rows.get("191020000").escalationFunnel(), "3 letters are not");
        assertNotNull(rows.get("191020000").funnel());

        RankingView exact = RankingView.of(ranking, names, false);
        Map<String, RankingView.Row> exactRows = byKato(exact);
        assertEquals(3L, exactRows.get("191030000").received().count());
        assertEquals(ranking.notRanked().get(0).funnel(), exactRows.get("191030000").funnel());
        assertNotNull(exactRows.get("191020000").escalationFunnel());
        assertEquals(ranking.ranked().stream().map(Ranking.Ranked::kato).toList(),
                exact.ranked().stream().map(RankingView.Row::kato).toList());
    }

    private static Map<String, RankingView.Row> byKato(RankingView view) {
        return java.util.stream.Stream.concat(view.ranked().stream(), view.notRanked().stream())
                .collect(Collectors.toMap(RankingView.Row::kato, Function.identity()));
    }

    /** Every appeal its own applicant's; the letters that went higher reached the district akimat and were not kept. */
    private static TerritoryMetrics district(String kato, long received, long wentHigher) {
        return TerritoryMetrics.of(TerritoryLevel.RURAL_DISTRICT, kato, null, NOVEMBER, VILLAGE,
                new TerritoryMetrics.Counts(received, 0, 0, 0, null, null, 0, 0, 0, wentHigher, wentHigher, 0, 0,
                        received - wentHigher, 0, 0, 0,
                        new TerritoryMetrics.TrustBasis(received, received, received - wentHigher)));
    }
}
