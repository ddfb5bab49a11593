package kz.appeals.bench.scenario;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latencies of a run's stages, cut into intervals (one a second): any thread records a stage's latency as it
 * completes, a single sampler thread closes each interval with {@link #tick}. An interval's count is the stage's
 * throughput in that interval; its percentiles show how the latency moved over the run, which a whole-run
 * percentile hides (a warm-up spike and a steady tail look the same there). Totals accumulate for the summary.
 */
public final class IntervalRecorder {

    /** One stage in one interval; latencies in milliseconds, all zero when the stage completed nothing. */
    public record StageInterval(long count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {
        static StageInterval of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new StageInterval(0, 0, 0, 0, 0);
            }
            return new StageInterval(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getMaxValue()));
        }
    }

    /**
     * @param second        seconds since the start of the run at the interval's end
     * @param lengthSeconds how long the interval was (about 1; the last one of a run is shorter)
     * @param loadAverage   the machine's 1-minute load average then (negative when unknown)
     */
    public record Interval(double second, double lengthSeconds, double loadAverage, Map<String, StageInterval> stages) {

        /** Completions per second of the stage in this interval. */
        public double perSecond(String stage) {
            return lengthSeconds <= 0 ? 0 : stages.get(stage).count() / lengthSeconds;
        }
    }

    private final List<String> stages;
    private final Map<String, Recorder> recorders = new LinkedHashMap<>();
    private final Map<String, Histogram> totals = new LinkedHashMap<>();
    private final List<Interval> intervals = new ArrayList<>();
    private final Map<String, Histogram> recycled = new LinkedHashMap<>();
    private double lastTickSecond;

    public IntervalRecorder(List<String> stages) {
        if (stages.isEmpty() || stages.stream().distinct().count() != stages.size()) {
            throw new IllegalArgumentException("stages must be distinct and at least one: " + stages);
        }
        this.stages = List.copyOf(stages);
        for (String stage : stages) {
            recorders.put(stage, new Recorder(3));
            totals.put(stage, new Histogram(3));
        }
    }

    public List<String> stages() {
        return stages;
    }

    /** Thread-safe and wait-free (HdrHistogram's {@link Recorder}). */
    public void record(String stage, long latencyMicros) {
        Recorder recorder = recorders.get(stage);
        if (recorder == null) {
            throw new IllegalArgumentException("unknown stage " + stage + "; one of " + stages);
        }
        recorder.recordValue(Math.max(0, latencyMicros));
    }

    /**
     * Closes the interval that ends now: what was recorded since the previous tick.
     *
     * @param second seconds since the start of the run (the first interval starts at 0)
     */
    public synchronized Interval tick(double second, double loadAverage) {
        Map<String, StageInterval> closed = new LinkedHashMap<>();
        for (String stage : stages) {
            Histogram interval = recorders.get(stage).getIntervalHistogram(recycled.get(stage));
            totals.get(stage).add(interval);
            closed.put(stage, StageInterval.of(interval));
            recycled.put(stage, interval);
        }
        double rounded = Math.round(second * 1000) / 1000.0;
        Interval result = new Interval(rounded, Math.round((rounded - lastTickSecond) * 1000) / 1000.0, loadAverage,
                closed);
        lastTickSecond = rounded;
        intervals.add(result);
        return result;
    }

    public synchronized List<Interval> intervals() {
        return List.copyOf(intervals);
    }

    /** Everything the stage recorded up to the last tick, in microseconds. */
    public synchronized Histogram total(String stage) {
        Histogram total = totals.get(stage);
        if (total == null) {
            throw new IllegalArgumentException("unknown stage " + stage);
        }
        return total.copy();
    }

    static double ms(double micros) {
        return Math.round(micros) / 1000.0;
    }
}
