package kz.appeals.analytics.domain.funnel;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Units compared in a funnel plot ({@link BinomialFunnel}, {@link PoissonFunnel}).
 *
 * @param method         how the limits and the estimates are computed, in words, with the source
 * @param referenceRate  the units' pooled rate: Σ observed / Σ volume
 * @param overDispersion the test and the τ² the limits add
 * @param levels         the limits' confidence levels
 * @param points         every unit, in the order given
 */
public record Funnel(String method, double referenceRate, OverDispersion overDispersion, List<Double> levels,
                     List<FunnelPoint> points) {

    public static final double INNER = 0.95;
    public static final double OUTER = 0.998;
    static final List<Double> LEVELS = List.of(INNER, OUTER);

    public FunnelParameters parameters() {
        return new FunnelParameters(method, referenceRate, overDispersion, levels);
    }

    public Map<String, FunnelPoint> byId() {
        return points.stream().collect(Collectors.toMap(FunnelPoint::id, Function.identity()));
    }

    /** The standard normal quantile of a two-sided level: 1.96 for 95 %, 3.09 for 99.8 %. */
    static double z(double level) {
        return new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
