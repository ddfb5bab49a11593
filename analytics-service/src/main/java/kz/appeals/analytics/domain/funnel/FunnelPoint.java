package kz.appeals.analytics.domain.funnel;

/**
 * One unit in a funnel.
 *
 * @param id        the unit's KATO code
 * @param volume    its denominator ({@link FunnelUnit#volume()})
 * @param rate      its observed rate
 * @param limits95  the 95 % control limits at its volume
 * @param limits998 the 99.8 % control limits at its volume
 * @param band      where it lies
 * @param shrunk    its shrunk estimate with a 95 % interval
 */
public record FunnelPoint(String id, double volume, double rate, ControlLimits limits95, ControlLimits limits998,
                          FunnelBand band, ShrunkEstimate shrunk) {
}
