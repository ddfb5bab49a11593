package kz.appeals.analytics.domain;

import kz.appeals.analytics.domain.funnel.FunnelBand;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Ranked by the funnel's band, best first, the rank shared within a band and KATO order inside it; only above
     * the minimum volume. Ten districts keep 80 of 100, so the reference is 662 / 830 = 0.798 and the units vary as
     * chance allows (winsorised φ 0.66): 90 of 100 is above the exact 95 % limit (87) but not the 99.8 % one (91),
     * 60 of 100 below even the 99.8 % one (67); 19 of 20 is as chance gives (P(R ≥ 19) = 0.066), and so is 5 of 5.
     */
    @Test
    void ranksByTheFunnelBandAndOnlyAboveTheMinimumVolume() {
        List<TerritoryMetrics> districts = new java.util.ArrayList<>(List.of(district("191010000", 20, 19),
                district("191020000", 100, 90), district("191030000", 5, 5), district("191040000", 20, 19),
                district("191050000", 100, 60)));
        for (int i = 0; i < 10; i++) {
            districts.add(district("19200" + i + "000", 100, 80));
        }
        Ranking ranking = Ranking.of(NOVEMBER, ComparisonGroup.RURAL, Instant.parse("2026-12-01T05:00:00Z"), 20, 3, districts);
        assertEquals(662 / 830.0, ranking.funnel().referenceRate(), 1e-12);
        assertFalse(ranking.funnel().overDispersion().significant());
        List<Ranking.Ranked> ranked = ranking.ranked();
        assertEquals(List.of("191020000", "191010000", "191040000", "192000000"),
                ranked.subList(0, 4).stream().map(Ranking.Ranked::kato).toList());
        assertEquals("191050000", ranked.get(ranked.size() - 1).kato());
        assertEquals(FunnelBand.BETTER_95, ranked.get(0).funnel().band());
        assertEquals(FunnelBand.AS_EXPECTED, ranked.get(1).funnel().band());
        assertEquals(FunnelBand.WORSE_99_8, ranked.get(ranked.size() - 1).funnel().band());
        // Shared within a band: one better, twelve as expected, then the worse one.
        assertEquals(List.of(1, 2, 2, 2), ranked.subList(0, 4).stream().map(Ranking.Ranked::rank).toList());
        assertEquals(14, ranked.get(ranked.size() - 1).rank());
        assertEquals(List.of("191030000"),
                ranking.notRanked().stream().map(Ranking.NotRanked::kato).toList());
        assertEquals(FunnelBand.AS_EXPECTED, ranking.notRanked().get(0).funnel().band());
        assertEquals(TrustIndex.FORMULA, ranking.formula());
        assertEquals(List.of(0.95, 0.998), ranking.funnel().levels());
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
                received, 0, 0, 0, null, null, 0, 0, 0, received - keptLocally, 0, 0, 0, keptLocally, 0, 0, 0,
                new TerritoryMetrics.TrustBasis(received, received, keptLocally)));
    }
}
