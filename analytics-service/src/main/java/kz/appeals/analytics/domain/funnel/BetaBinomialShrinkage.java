package kz.appeals.analytics.domain.funnel;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * Empirical-Bayes beta-binomial shrinkage, the point estimate a reader can compare (the random-effects view of
 * Spiegelhalter 2005, section 3.3, Statistics in Medicine 24:1185–1202): every unit's true share is taken to come
 * from one beta distribution whose mean is the reference rate p₀ and whose variance is the between-unit τ², both
 * estimated from the units by the method of moments (τ² by DerSimonian–Laird, {@link OverDispersion#momentTau2()});
 * a unit with k of n kept
 * then has the posterior Beta(a + k, b + n − k), whose mean pulls a small unit towards p₀ in proportion to its
 * uncertainty and whose 2.5 % and 97.5 % quantiles give the interval.
 * <p>
 * The prior's weight a + b = p₀(1 − p₀) / τ² − 1 grows without bound as τ² → 0 (no evidence that units differ:
 * everyone is estimated at p₀); it is capped at the units' total appeals, so that the prior never counts more
 * than the evidence it was estimated from, and a and b are at least ½ (Jeffreys') so that it stays proper when
 * p₀ is 0 or 1.
 */
final class BetaBinomialShrinkage {

    private static final double INTERVAL = 0.95;
    private static final double JEFFREYS = 0.5;

    private final double a;
    private final double b;

    private BetaBinomialShrinkage(double a, double b) {
        this.a = a;
        this.b = b;
    }

    static BetaBinomialShrinkage prior(double p0, double tau2, double totalVolume) {
        double weight = tau2 > 0 ? Math.min(totalVolume, p0 * (1 - p0) / tau2 - 1) : totalVolume;
        weight = Math.max(0, weight);
        return new BetaBinomialShrinkage(Math.max(JEFFREYS, weight * p0), Math.max(JEFFREYS, weight * (1 - p0)));
    }

    ShrunkEstimate estimate(FunnelUnit unit) {
        double alpha = a + unit.observed();
        double beta = b + Math.max(0, unit.volume() - unit.observed());
        BetaDistribution posterior = new BetaDistribution(null, alpha, beta);
        double tail = (1 - INTERVAL) / 2;
        return new ShrunkEstimate(alpha / (alpha + beta), posterior.inverseCumulativeProbability(tail),
                posterior.inverseCumulativeProbability(1 - tail));
    }
}
