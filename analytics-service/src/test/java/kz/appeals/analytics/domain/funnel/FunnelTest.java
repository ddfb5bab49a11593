package kz.appeals.analytics.domain.funnel;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunnelTest {

    /** Exact binomial quantiles: Binomial(20, 0.9) has P(R ≤ 15) = 0.043 ≥ 0.025 > P(R ≤ 14) = 0.011. */
    @Test
    void limitsWithoutOverDispersionAreExactBinomial() {
        ControlLimits limits = BinomialFunnel.limits(0.9, 0, 20, Funnel.INNER);
        assertEquals(15 / 20.0, limits.lower(), 1e-12);
        assertEquals(1.0, limits.upper(), 1e-12);
        assertEquals(FunnelBand.WORSE_95, FunnelBand.of(14 / 20.0, limits,
                BinomialFunnel.limits(0.9, 0, 20, Funnel.OUTER), true));
    }

    /** True shares spread far beyond chance (uniform 0.6–1.0): φ is significant and τ² floors the limits. */
    @Test
    void overDispersedUnitsWidenTheLimitsByAnAdditiveRandomEffect() {
        SplittableRandom random = new SplittableRandom(3);
        List<FunnelUnit> units = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            double trueRate = 0.6 + 0.4 * random.nextDouble();
            int appeals = 50 + random.nextInt(200);
            int kept = 0;
            for (int a = 0; a < appeals; a++) {
                kept += random.nextDouble() < trueRate ? 1 : 0;
            }
            units.add(new FunnelUnit("u" + i, appeals, kept));
        }
        Funnel funnel = BinomialFunnel.of(units);
        OverDispersion dispersion = funnel.overDispersion();
        assertTrue(dispersion.significant(), dispersion.toString());
        assertTrue(dispersion.phi() > 2, dispersion.toString());
        // The true spread's variance is 0.4² / 12 = 0.0133; winsorising takes off its tails.
        assertTrue(dispersion.tau2() > 0.005 && dispersion.tau2() < 0.0133, dispersion.toString());
        assertTrue(dispersion.momentTau2() > dispersion.tau2(), dispersion.toString());
        ControlLimits large = BinomialFunnel.limits(funnel.referenceRate(), dispersion.tau2(), 1_000_000,
                Funnel.INNER);
        assertEquals(1.96 * Math.sqrt(dispersion.tau2()), funnel.referenceRate() - large.lower(), 1e-3);
    }

    @Test
    void unitsAsChanceGivesAreNotOverDispersed() {
        List<FunnelUnit> units = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            int kept = 0;
            for (int a = 0; a < 100; a++) {
                kept += random.nextDouble() < 0.9 ? 1 : 0;
            }
            units.add(new FunnelUnit("u" + i, 100, kept));
        }
        OverDispersion dispersion = BinomialFunnel.of(units).overDispersion();
        assertFalse(dispersion.significant(), dispersion.toString());
        assertEquals(0, dispersion.tau2());
    }

    /** Letters per 1,000 residents: more is worse. 60 villages of 2,000 residents at 2 per 1,000, one at 15. */
    @Test
    void thePoissonFunnelFlagsAVillageWhoseLettersReachTheCentreFarMoreOften() {
        List<FunnelUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(new FunnelUnit("v" + i, 2.0, i % 3 == 0 ? 3 : i % 3 == 1 ? 4 : 5));
        }
        units.add(new FunnelUnit("loud", 2.0, 30));
        units.add(new FunnelUnit("quiet", 2.0, 0));
        Funnel funnel = PoissonFunnel.of(units);
        assertEquals((20 * (3 + 4 + 5) + 30) / 124.0, funnel.referenceRate(), 1e-12);
        assertEquals(FunnelBand.WORSE_99_8, funnel.byId().get("loud").band());
        assertEquals(FunnelBand.AS_EXPECTED, funnel.byId().get("v1").band());
        // Expected 4.35 letters: none at all has probability e^-4.35 = 0.013, below 2.5 % but not below 0.1 %.
        assertEquals(FunnelBand.BETTER_95, funnel.byId().get("quiet").band());
    }

    /**
     * The shrunk rate per 1,000 residents: a village of 500 with 3 letters (6 per 1,000) and a town of 20,000 with
     * 120 (the same 6 per 1,000) among villages at 2 per 1,000 with spread between them: the village is pulled
     * towards the reference much more than the town, and both estimates lie inside their intervals.
     */
    @Test
    void thePoissonFunnelShrinksASmallVillagesRateMoreThanATownsWithTheSameRate() {
        List<FunnelUnit> units = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            units.add(new FunnelUnit("v" + i, 2.0, i % 4));
        }
        units.add(new FunnelUnit("village", 0.5, 3));
        units.add(new FunnelUnit("town", 20.0, 120));
        Funnel funnel = PoissonFunnel.of(units);
        double reference = funnel.referenceRate();
        ShrunkEstimate village = funnel.byId().get("village").shrunk();
        ShrunkEstimate town = funnel.byId().get("town").shrunk();
        assertTrue(village.estimate() > reference && village.estimate() < 6, "village " + village);
        assertTrue(town.estimate() > village.estimate() && town.estimate() < 6, "town " + town);
        assertTrue(6 - town.estimate() < (6 - village.estimate()) / 2, town + " vs " + village);
        for (ShrunkEstimate estimate : List.of(village, town)) {
            assertTrue(estimate.lower() < estimate.estimate() && estimate.estimate() < estimate.upper(),
                    estimate.toString());
        }
    }
}
