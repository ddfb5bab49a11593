package kz.appeals.analytics.domain.funnel;

import org.apache.commons.math3.distribution.PoissonDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The funnel of a rate per 1,000 residents — the President's measure, letters that reached the district akimat,
 * the region or the Presidential Administration — after Spiegelhalter D. J., "Funnel plots for comparing
 * institutional performance", Statistics in Medicine 2005;24:1185–1202. The volume is the unit's residents in
 * thousands, the reference rate λ₀ = Σ letters / Σ thousands of residents; limits exact Poisson on the expected
 * count λ₀·volume (count quantiles at α/2 and 1 − α/2, divided by the volume, as {@link BinomialFunnel} does), or
 * when over-dispersed ({@link OverDispersion} on z = (y − λ₀) / √(λ₀ / volume)) the normal limits with the
 * additive random effect, λ₀ ± z·√(λ₀ / volume + τ²). Here fewer letters is better. Shrunk estimate:
 * {@link GammaPoissonShrinkage}.
 */
public final class PoissonFunnel {

    public static final String METHOD = "Funnel plot (Spiegelhalter D. J., Funnel plots for comparing "
            + "institutional performance, Statistics in Medicine 2005;24:1185-1202) of letters per 1,000 residents "
            + "around the pooled rate, 95% and 99.8% limits: exact Poisson on the expected count, or when "
            + "over-dispersed the normal limits with the additive random-effects variance tau2. Shrunk estimate: "
            + "empirical-Bayes gamma-Poisson posterior mean and 95% interval, the gamma prior's mean the reference "
            + "rate and its variance tau2 by the method of moments (from the z-scores not winsorised; the prior "
            + "weighs at most the units' total residents).";

    private PoissonFunnel() {
    }

    public static Funnel of(List<FunnelUnit> units) {
        double letters = 0;
        double thousands = 0;
        for (FunnelUnit unit : units) {
            letters += unit.observed();
            thousands += unit.volume();
        }
        double lambda0 = thousands > 0 ? letters / thousands : 0;
        OverDispersion dispersion = overDispersion(units, lambda0);
        GammaPoissonShrinkage shrinkage = GammaPoissonShrinkage.prior(lambda0, dispersion.momentTau2(), thousands);
        List<FunnelPoint> points = new ArrayList<>(units.size());
        for (FunnelUnit unit : units) {
            ControlLimits inner = limits(lambda0, dispersion.tau2(), unit.volume(), Funnel.INNER);
            ControlLimits outer = limits(lambda0, dispersion.tau2(), unit.volume(), Funnel.OUTER);
            points.add(new FunnelPoint(unit.id(), unit.volume(), unit.rate(), inner, outer,
                    FunnelBand.of(unit.rate(), inner, outer, false), shrinkage.estimate(unit)));
        }
        return new Funnel(METHOD, lambda0, dispersion, Funnel.LEVELS, List.copyOf(points));
    }

    private static OverDispersion overDispersion(List<FunnelUnit> units, double lambda0) {
        if (lambda0 <= 0) {
            return OverDispersion.NONE;
        }
        double[] z = new double[units.size()];
        double[] variance = new double[units.size()];
        for (int i = 0; i < z.length; i++) {
            FunnelUnit unit = units.get(i);
            variance[i] = lambda0 / unit.volume();
            z[i] = (unit.rate() - lambda0) / Math.sqrt(variance[i]);
        }
        return OverDispersion.estimate(z, variance);
    }

    static ControlLimits limits(double lambda0, double tau2, double volume, double level) {
        if (lambda0 <= 0) {
            return new ControlLimits(0, 0);
        }
        if (tau2 > 0) {
            double margin = Funnel.z(level) * Math.sqrt(lambda0 / volume + tau2);
            return new ControlLimits(Math.max(0, lambda0 - margin), lambda0 + margin);
        }
        PoissonDistribution chance = new PoissonDistribution(null, lambda0 * volume,
                PoissonDistribution.DEFAULT_EPSILON, PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        double tail = (1 - level) / 2;
        return new ControlLimits(chance.inverseCumulativeProbability(tail) / volume,
                chance.inverseCumulativeProbability(1 - tail) / volume);
    }
}
