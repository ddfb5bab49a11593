package kz.appeals.bench.ceilings;

import org.HdrHistogram.Histogram;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one measured phase came to: operations over a fixed window, their rate and latency (milliseconds). The
 * statuses count how operations ended when not all of them succeed (HTTP statuses, SQL states, exception names).
 */
public record Phase(long operations, double seconds, double perSecond, double p50Ms, double p90Ms, double p99Ms,
                    double maxMs, Map<String, Long> statuses) {

    public static Phase of(LongAdder operations, double seconds, Histogram micros, Map<String, LongAdder> statuses) {
        Map<String, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.sum()));
        return new Phase(operations.sum(), seconds, Math.round(operations.sum() / seconds * 10) / 10.0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()), counts);
    }

    private static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
