package kz.appeals.analytics.domain;

/**
 * The trust index of a rural district's akim: how surely its residents' appeals are settled where they arose. The
 * President's measure is the share of letters that rise to the centre; its complement, the share kept locally, is
 * estimated with a confidence interval so that a district with few appeals is neither praised nor shamed for
 * chance, and districts are ranked by the interval's lower bound.
 *
 * @param point share kept locally: keptLocally / received
 * @param lower Wilson score interval's lower bound (95 %): the index
 * @param upper the interval's upper bound
 */
public record TrustIndex(double point, double lower, double upper) {

    /** Published beside the number (API and dashboard), so that anyone can recompute it from the open data. */
    public static final String FORMULA = "trustIndex = lower bound of the 95% Wilson score interval of "
            + "keptLocally / received, where received = appeals registered in the period and located in the rural "
            + "district, keptLocally = those neither deemed refused (APPK Art. 91(2)) nor escalated above the "
            + "rural district; z = 1.96. Districts with fewer than minimumAppeals appeals are listed, not ranked.";

    /** 95 % two-sided. */
    private static final double Z = 1.959963984540054;

    /** @throws IllegalArgumentException unless 0 ≤ keptLocally ≤ received and received > 0 */
    public static TrustIndex of(long keptLocally, long received) {
        if (received <= 0 || keptLocally < 0 || keptLocally > received) {
            throw new IllegalArgumentException("keptLocally " + keptLocally + " of " + received);
        }
        double n = received;
        double p = keptLocally / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new TrustIndex(p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
}
