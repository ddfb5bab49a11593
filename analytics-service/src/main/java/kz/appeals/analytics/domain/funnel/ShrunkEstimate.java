package kz.appeals.analytics.domain.funnel;

/**
 * A unit's rate pulled towards the reference in proportion to its uncertainty ({@link BetaBinomialShrinkage}).
 *
 * @param estimate the posterior mean
 * @param lower    the 95 % equal-tailed posterior interval's lower end
 * @param upper    its upper end
 */
public record ShrunkEstimate(double estimate, double lower, double upper) {
}
