package kz.appeals.bench.scenario;

/**
 * One of the issues' targets against what the run measured. {@code met} is null when this run cannot tell: the
 * offered load was below what the target is stated for and the system kept up with it, so its capacity is unknown.
 */
public record Target(String name, String requirement, double measured, String unit, Boolean met, String note) {

    /** The system is taken as saturated when it achieved less than this share of the offered rate. */
    static final double KEPT_UP = 0.95;

    /** A rate of at least {@code required}, given what was offered and achieved. */
    public static Target atLeast(String name, String requirement, double required, double offered, double achieved,
                                 String unit) {
        if (achieved >= required) {
            return new Target(name, requirement, achieved, unit, true, "achieved");
        }
        if (achieved < KEPT_UP * offered) {
            return new Target(name, requirement, achieved, unit, false,
                    "saturated: achieved " + round(achieved) + " of " + round(offered) + " offered");
        }
        return new Target(name, requirement, achieved, unit, null,
                "kept up with the " + round(offered) + " offered, below the " + round(required)
                        + " the target needs: capacity not reached");
    }

    /** A latency under {@code limit}, stated for a rate of {@code atRate}: judged only at that rate or above. */
    public static Target below(String name, String requirement, double limit, double measured, double offered,
                               double atRate, String unit) {
        if (offered < atRate) {
            if (measured >= limit) {
                // Already over the limit at a lower rate: it cannot be met at the target's rate either.
                return new Target(name, requirement, measured, unit, false,
                        "over the limit already at " + round(offered) + "/s offered");
            }
            return new Target(name, requirement, measured, unit, null,
                    "under the limit at " + round(offered) + "/s offered; the target is stated for "
                            + round(atRate) + "/s");
        }
        return new Target(name, requirement, measured, unit, measured < limit, measured < limit ? "met" : "over the limit");
    }

    private static String round(double value) {
        return String.valueOf(Math.round(value * 10) / 10.0);
    }
}
