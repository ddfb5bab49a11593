package kz.appeals.analytics.domain.funnel;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

import java.util.Arrays;

/**
 * The over-dispersion test and adjustment of Spiegelhalter (2005), sections 3.2–3.3 (Statistics in Medicine
 * 24:1185–1202). Units vary more than chance allows when their z-scores do: the z-scores are winsorised at their
 * 10th and 90th percentiles (so that the few units truly out of line do not widen everyone's limits),
 * φ = Σ z² / I, and φ is significant when I·φ exceeds the 95th percentile of χ² on I − 1 degrees of freedom (one
 * for the reference rate estimated from the same units).
 * <p>
 * The adjustment chosen is the paper's <em>additive random effect</em>, not the multiplicative φ: the true rates
 * are taken to spread around the reference with variance τ² = (I·φ − (I − 1)) / (Σ w − Σ w² / Σ w), w = 1 / s²
 * (the DerSimonian–Laird moment estimate from the winsorised z-scores), and the limits at a volume widen to
 * ±z·√(s² + τ²). A multiplicative φ widens every limit in proportion, so the limits of large units still close in
 * on the reference and large units are flagged for a difference that small ones are allowed: volume would predict
 * the band, which is what the comparison must avoid. τ² treats an akim of a big district and of a village alike.
 *
 * @param phi          the winsorised dispersion estimate φ (1 when the units vary exactly as chance allows)
 * @param significant  whether φ exceeds 1 at the 5 % level; the limits are widened only then
 * @param tau2         the between-unit variance τ² the limits add; 0 unless significant
 * @param momentTau2   τ² by the same formula from the z-scores <em>not</em> winsorised, whether or not significant:
 *                     the shrinkage prior must describe the whole spread of the true rates, the units out of line
 *                     included, where the limits must not be widened by them
 */
public record OverDispersion(double phi, boolean significant, double tau2, double momentTau2) {

    /** Winsorised at these percentiles, as the paper does. */
    static final double WINSOR = 0.10;
    private static final double TEST_LEVEL = 0.95;

    static final OverDispersion NONE = new OverDispersion(1, false, 0, 0);

    /**
     * @param z        each unit's z-score against the reference rate
     * @param variance each unit's sampling variance s² of the rate under the reference
     */
    static OverDispersion estimate(double[] z, double[] variance) {
        int units = z.length;
        if (units < 2) {
            return NONE;
        }
        double[] sorted = z.clone();
        Arrays.sort(sorted);
        double low = percentile(sorted, WINSOR);
        double high = percentile(sorted, 1 - WINSOR);
        double sumSquares = 0;
        double rawSumSquares = 0;
        for (double score : z) {
            double winsorised = Math.min(high, Math.max(low, score));
            sumSquares += winsorised * winsorised;
            rawSumSquares += score * score;
        }
        double phi = sumSquares / units;
        double sumW = 0;
        double sumW2 = 0;
        for (double s2 : variance) {
            sumW += 1 / s2;
            sumW2 += 1 / (s2 * s2);
        }
        double spread = sumW - sumW2 / sumW;
        boolean significant = units * phi
                > new ChiSquaredDistribution(null, units - 1).inverseCumulativeProbability(TEST_LEVEL);
        return new OverDispersion(phi, significant, significant ? tau2(sumSquares, units, spread) : 0,
                tau2(rawSumSquares, units, spread));
    }

    /** DerSimonian–Laird: the excess of Σ z² over its expectation I − 1, in units of the weights' spread. */
    private static double tau2(double sumSquares, int units, double spread) {
        return Math.max(0, (sumSquares - (units - 1)) / spread);
    }

    /** Linear interpolation between order statistics. */
    private static double percentile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
