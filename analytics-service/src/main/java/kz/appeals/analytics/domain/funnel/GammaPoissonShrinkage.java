package kz.appeals.analytics.domain.funnel;

import org.apache.commons.math3.distribution.GammaDistribution;

/**
 * Empirical-Bayes gamma-Poisson shrinkage of a rate per 1,000 residents, the counterpart for {@link PoissonFunnel}
 * of {@link BetaBinomialShrinkage}: every unit's true rate is taken to come from one gamma distribution whose mean
 * is the reference rate λ₀ and whose variance is the between-unit τ² by the method of moments
 * ({@link OverDispersion#momentTau2()}). A unit with y letters over v thousand residents then has the posterior
 * Gamma(α + y, β + v): its mean pulls a small village towards λ₀ in proportion to its uncertainty, and its 2.5 % and
 * 97.5 % quantiles give the interval.
 * <p>
 * The prior's weight β = λ₀ / τ² (thousands of residents) grows without bound as τ² → 0; it is capped at the units'
 * total residents, so that the prior never counts more than the evidence it was estimated from, and its shape α is
 * at least ½ so that it stays proper when no letter reached a higher body anywhere.
 */
final class GammaPoissonShrinkage {

    private static final double INTERVAL = 0.95;
    private static final double LEAST_SHAPE = 0.5;

    private final double shape;
    private final double rate;

    private GammaPoissonShrinkage(double shape, double rate) {
        this.shape = shape;
        this.rate = rate;
    }

    static GammaPoissonShrinkage prior(double lambda0, double tau2, double totalVolume) {
        double weight = tau2 > 0 ? Math.min(totalVolume, lambda0 / tau2) : totalVolume;
        return new GammaPoissonShrinkage(Math.max(LEAST_SHAPE, weight * lambda0), weight);
    }

    ShrunkEstimate estimate(FunnelUnit unit) {
        double alpha = shape + unit.observed();
        double beta = rate + unit.volume();
        GammaDistribution posterior = new GammaDistribution(null, alpha, 1 / beta,
                GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
        double tail = (1 - INTERVAL) / 2;
        return new ShrunkEstimate(alpha / beta, posterior.inverseCumulativeProbability(tail),
                posterior.inverseCumulativeProbability(1 - tail));
    }
}
