package kz.appeals.analytics.domain.funnel;

/**
 * One unit compared in a funnel.
 *
 * @param id       the unit's KATO code
 * @param volume   the rate's denominator: weighted appeals (a share), or thousands of residents (a rate per 1,000)
 * @param observed the rate's numerator: weighted appeals kept locally, or letters that reached a higher body
 */
public record FunnelUnit(String id, double volume, double observed) {

    public FunnelUnit {
        if (!(volume > 0) || observed < 0) {
            throw new IllegalArgumentException(id + ": " + observed + " of " + volume);
        }
    }

    public double rate() {
        return observed / volume;
    }
}
