package kz.appeals.analytics.domain;

/**
 * The trust index of a rural district's akim: how surely its residents' appeals are settled where they arose. The
 * President's measure is the share of letters that rise to the centre; its complement, the share kept locally, is
 * estimated with a confidence interval so that a district with few appeals is neither praised nor shamed for
 * chance, and districts are ranked by the interval's lower bound.
 *
 * @param point share kept locally: keptLocally / appeals, both weighted ({@link TerritoryMetrics.TrustBasis})
 * @param lower Wilson score interval's lower bound (95 %): the index
 * @param upper the interval's upper bound
 */
public record TrustIndex(double point, double lower, double upper) {

    /** Published beside the number (API and dashboard), so that anyone can recompute it from the open data. */
    public static final String FORMULA = "trustIndex = lower bound of the 95% Wilson score interval (z = 1.96) "
            + "of keptLocally / appeals over the appeals registered in the period and located in the territory, "
            + "each attributed to the body that holds it after the last redirect (a body that redirects a "
            + "misrouted appeal away is not charged with it) and registered on or after the day the akim of the "
            + "body nearest its place (the rural-level akim, or for a city's own appeal the city's) took office "
            + "(akimElectedSince). An appeal is kept locally unless it was deemed refused (APPK Art. 91(2)) or "
            + "escalated above the body that held it. One applicant's appeals on one "
            + "issue count as one appeal, kept locally only if all of them were; an applicant's issues together "
            + "weigh at most applicantWeightCap appeals (each weighs min(1, cap / that applicant's issues)), so "
            + "appeals and keptLocally are weighted sums. Territories whose weighted appeals are fewer than "
            + "minimumAppeals are listed, not ranked; the raw counts stay in the metrics.";

    /** 95 % two-sided. */
    private static final double Z = 1.959963984540054;

    /**
     * Wilson's interval also holds for a weighted count, n being the total weight.
     *
     * @throws IllegalArgumentException unless 0 ≤ keptLocally ≤ appeals and appeals > 0
     */
    public static TrustIndex of(double keptLocally, double appeals) {
        if (!(appeals > 0) || keptLocally < 0 || keptLocally > appeals) {
            throw new IllegalArgumentException("keptLocally " + keptLocally + " of " + appeals);
        }
        double n = appeals;
        double p = keptLocally / n;
        double z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double margin = Z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new TrustIndex(p, Math.max(0, centre - margin), Math.min(1, centre + margin));
    }
}
