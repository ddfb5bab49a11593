package kz.appeals.analytics.domain.funnel;

/** A funnel's limits at one volume: a rate between them is "as expected" at their level. */
public record ControlLimits(double lower, double upper) {
}
