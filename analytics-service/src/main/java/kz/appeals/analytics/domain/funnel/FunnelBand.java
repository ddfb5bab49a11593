package kz.appeals.analytics.domain.funnel;

/** Where a unit lies in the funnel, worst first: outside the 99.8 % limits, outside the 95 %, or inside both. */
public enum FunnelBand {
    WORSE_99_8, WORSE_95, AS_EXPECTED, BETTER_95, BETTER_99_8;

    /**
     * @param rate        the unit's observed rate
     * @param limits95    the 95 % limits at its volume
     * @param limits998   the 99.8 % limits at its volume
     * @param higherIsBetter true for a share kept locally, false for letters that reached the centre
     */
    static FunnelBand of(double rate, ControlLimits limits95, ControlLimits limits998, boolean higherIsBetter) {
        if (rate < limits998.lower()) {
            return higherIsBetter ? WORSE_99_8 : BETTER_99_8;
        }
        if (rate > limits998.upper()) {
            return higherIsBetter ? BETTER_99_8 : WORSE_99_8;
        }
        if (rate < limits95.lower()) {
            return higherIsBetter ? WORSE_95 : BETTER_95;
        }
        if (rate > limits95.upper()) {
            return higherIsBetter ? BETTER_95 : WORSE_95;
        }
        return AS_EXPECTED;
    }
}
