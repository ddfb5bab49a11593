package kz.appeals.analytics.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustIndexTest {

    private static final ReportingPeriod NOVEMBER = new ReportingPeriod(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30));

    /** Reference values of the Wilson score interval (z = 1.96), e.g. Newcombe (1998), Table I: 81/263 → 0.2553–0.3662. */
    @Test
    void isTheWilsonIntervalOfTheShareKeptLocally() {
        TrustIndex newcombe = TrustIndex.of(81, 263);
        assertEquals(0.3080, newcombe.point(), 5e-5);
        assertEquals(0.2553, newcombe.lower(), 5e-5);
        assertEquals(0.3662, newcombe.upper(), 5e-5);
        TrustIndex allKept = TrustIndex.of(20, 20);
        assertEquals(1.0, allKept.point());
        assertEquals(0.8389, allKept.lower(), 5e-5);
        assertEquals(1.0, allKept.upper(), 1e-12);
        assertEquals(0.0, TrustIndex.of(0, 15).lower(), 1e-12);
    }

    @Test
    void needsAppeals() {
        assertThrows(IllegalArgumentException.class, () -> TrustIndex.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> TrustIndex.of(3, 2));
    }

    @Test
    void ranksByTheLowerBoundAndOnlyAboveTheMinimumVolume() {
        // 19 of 20 has the higher share, 90 of 100 the surer one: the sure one ranks first.
        Ranking ranking = Ranking.of(NOVEMBER, Instant.parse("2026-12-01T05:00:00Z"), 20, 3,
                List.of(district("191010000", 20, 19),
                district("191020000", 100, 90), district("191030000", 5, 5), district("191040000", 20, 19)));
        assertEquals(List.of("191020000", "191010000", "191040000"),
                ranking.ranked().stream().map(Ranking.Ranked::kato).toList());
        assertEquals(List.of(1, 2, 3), ranking.ranked().stream().map(Ranking.Ranked::rank).toList());
        assertEquals(List.of("191030000"),
                ranking.notRanked().stream().map(Ranking.NotRanked::kato).toList());
        assertEquals(TrustIndex.FORMULA, ranking.formula());
    }

    @Test
    void aWeightedCountGivesTheIntervalOfItsTotalWeight() {
        TrustIndex whole = TrustIndex.of(4, 8);
        TrustIndex weighted = TrustIndex.of(4.0, 8.0);
        assertEquals(whole, weighted);
        // Half an appeal more of evidence narrows the interval a little.
        assertTrue(TrustIndex.of(4.25, 8.5).lower() > whole.lower());
    }

    /** Every appeal from its own applicant, so the trust basis equals the raw counts. */
    private static TerritoryMetrics district(String kato, long received, long keptLocally) {
        return TerritoryMetrics.of(TerritoryLevel.RURAL_DISTRICT, kato, null, NOVEMBER,
                TerritoryMetrics.Territory.UNKNOWN, new TerritoryMetrics.Counts(
                received, 0, 0, null, null, 0, 0, 0, received - keptLocally, 0, 0, 0, keptLocally, 0, 0, 0,
                new TerritoryMetrics.TrustBasis(received, received, keptLocally)));
    }
}
