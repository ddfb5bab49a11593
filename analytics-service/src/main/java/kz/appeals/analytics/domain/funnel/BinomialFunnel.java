package kz.appeals.analytics.domain.funnel;

import org.apache.commons.math3.distribution.BinomialDistribution;

import java.util.ArrayList;
import java.util.List;

/**
 * The funnel of a share — the trust index's share of appeals kept locally — after Spiegelhalter D. J., "Funnel
 * plots for comparing institutional performance", Statistics in Medicine 2005;24:1185–1202.
 * <ul>
 *   <li>Reference rate p₀ = Σ kept / Σ appeals over the units compared (weighted as the trust basis is).</li>
 *   <li>Limits without significant over-dispersion: <em>exact</em> binomial (the paper's section 2 and appendix),
 *   not the normal approximation, because most rural districts have a few dozen appeals and p₀ is near 1, where
 *   the normal limits flag far more than their level. The lower limit at volume n is r/n for the smallest r with
 *   P(R ≤ r) ≥ α/2 under Binomial(n, p₀), the upper the smallest with P(R ≤ r) ≥ 1 − α/2, so a unit is flagged
 *   only when its count's own tail probability is below α/2 (without the paper's interpolation, which serves the
 *   drawing of a smooth line: with it a perfect record at a small volume could be flagged "better" by chance).
 *   A weighted n (one applicant's weight capped) is rounded to whole appeals for the binomial.</li>
 *   <li>Over-dispersion: {@link OverDispersion}, on z = (y − p₀) / s with s² = p₀(1 − p₀) / n; when significant,
 *   the paper's normal limits with the additive random effect, p₀ ± z·√(s² + τ²).</li>
 *   <li>Shrunk estimate: {@link BetaBinomialShrinkage}.</li>
 * </ul>
 */
public final class BinomialFunnel {

    public static final String METHOD = "Funnel plot (Spiegelhalter D. J., Funnel plots for comparing "
            + "institutional performance, Statistics in Medicine 2005;24:1185-1202) of trust_kept_locally / "
            + "trust_appeals around the reference rate (the units' pooled share), with 95% and 99.8% control limits "
            + "at each unit's volume: exact binomial limits (volume rounded to whole appeals), or, when the units "
            + "are over-dispersed (winsorised z-scores at 10%/90%, phi = mean z^2, I*phi above the 95th percentile "
            + "of chi-squared on I-1 degrees of freedom), the normal limits p0 +- z*sqrt(p0(1-p0)/n + tau2) with "
            + "the additive random-effects variance tau2 (DerSimonian-Laird from the winsorised z-scores). Band: "
            + "outside the 99.8% limits, outside the 95% limits, or as expected. Shrunk estimate: empirical-Bayes "
            + "beta-binomial posterior mean and 95% interval, the beta prior's mean the reference rate and its "
            + "variance tau2 by the method of moments (from the z-scores not winsorised; the prior weighs at most "
            + "the units' total appeals).";

    private BinomialFunnel() {
    }

    public static Funnel of(List<FunnelUnit> units) {
        double kept = 0;
        double appeals = 0;
        for (FunnelUnit unit : units) {
            kept += unit.observed();
            appeals += unit.volume();
        }
        double p0 = appeals > 0 ? kept / appeals : 0;
        OverDispersion dispersion = overDispersion(units, p0);
        BetaBinomialShrinkage shrinkage = BetaBinomialShrinkage.prior(p0, dispersion.momentTau2(), appeals);
        List<FunnelPoint> points = new ArrayList<>(units.size());
        for (FunnelUnit unit : units) {
            ControlLimits inner = limits(p0, dispersion.tau2(), unit.volume(), Funnel.INNER);
            ControlLimits outer = limits(p0, dispersion.tau2(), unit.volume(), Funnel.OUTER);
            points.add(new FunnelPoint(unit.id(), unit.volume(), unit.rate(), inner, outer,
                    FunnelBand.of(unit.rate(), inner, outer, true), shrinkage.estimate(unit)));
        }
        return new Funnel(METHOD, p0, dispersion, Funnel.LEVELS, List.copyOf(points));
    }

    /** Every unit equal to a reference of 0 or 1 has no spread to test. */
    private static OverDispersion overDispersion(List<FunnelUnit> units, double p0) {
        if (p0 <= 0 || p0 >= 1) {
            return OverDispersion.NONE;
        }
        double[] z = new double[units.size()];
        double[] variance = new double[units.size()];
        for (int i = 0; i < z.length; i++) {
            FunnelUnit unit = units.get(i);
            variance[i] = p0 * (1 - p0) / unit.volume();
            z[i] = (unit.rate() - p0) / Math.sqrt(variance[i]);
        }
        return OverDispersion.estimate(z, variance);
    }

    static ControlLimits limits(double p0, double tau2, double volume, double level) {
        if (tau2 > 0) {
            double margin = Funnel.z(level) * Math.sqrt(p0 * (1 - p0) / volume + tau2);
            return new ControlLimits(Math.max(0, p0 - margin), Math.min(1, p0 + margin));
        }
        int n = (int) Math.max(1, Math.round(volume));
        BinomialDistribution chance = new BinomialDistribution(null, n, p0);
        double tail = (1 - level) / 2;
        return new ControlLimits((double) chance.inverseCumulativeProbability(tail) / n,
                (double) chance.inverseCumulativeProbability(1 - tail) / n);
    }
}
