package kz.appeals.bench;

import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

/**
 * The result of one run, as written to the JSON report. Latencies are in milliseconds with microsecond precision;
 * throughputs are per second; {@code cost} is what every process of the system and the database did per accepted
 * appeal, from the first submission until every appeal was routed.
 */
public record BenchReport(String benchmark, String startedAt, Machine machine, Parameters parameters,
                          Submit submit, Routing routing, SystemCost.PerAppeal cost, boolean passed,
                          String verdict) {

    public static final String NAME = "submit-to-routed";

    /** Where the load generator ran; on a single machine it competes with the system for the same cores. */
    public record Machine(int cores, String jvm, String os, long maxHeapMb) {
        static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / (1024 * 1024));
        }
    }

    /** The options of the run; never the token itself. */
    public record Parameters(int appeals, double ratePerSecond, int concurrency, String intake, String kafka,
                             List<String> katoCodes, String tokenFrom, long timeoutSeconds,
                             long httpTimeoutSeconds) {
        static Parameters of(BenchOptions options) {
            return new Parameters(options.appeals(), options.ratePerSecond(), options.concurrency(),
                    options.intake().toString(), options.kafka(), options.katoCodes(),
                    options.token() != null ? "--token" : "key " + options.key(),
                    options.timeout().toSeconds(), OpenLoopSubmitter.HTTP_TIMEOUT.toSeconds());
        }
    }

    /** Percentiles of a histogram recorded in microseconds. */
    public record Latency(long count, double p50Ms, double p90Ms, double p99Ms, double p999Ms, double maxMs,
                          double meanMs) {
        public static Latency of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0);
            }
            return new Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()), ms(micros.getMean()));
        }

        private static double ms(double micros) {
            return Math.round(micros) / 1000.0;
        }
    }

    /**
     * @param statusCounts responses by HTTP status
     * @param clientErrors 4xx responses
     * @param serverErrors 5xx responses
     * @param errors       requests without any response: refused connection, timeout, ...
     * @param windowSeconds from the first scheduled send to the last response
     * @param acceptedPerSecond 201s over that window
     * @param maxSendLagMs how late the most delayed request left against its schedule (waiting for a free slot
     *                     under --concurrency, or the generator itself being short of CPU); its latency includes it
     * @param failureSamples the first few failures, for diagnosis
     */
    public record Submit(long sent, long accepted, Map<String, Long> statusCounts, long clientErrors,
                         long serverErrors, long errors, double windowSeconds, double acceptedPerSecond,
                         double maxSendLagMs, Latency httpLatency, List<String> failureSamples) {
    }

    /**
     * @param routed        accepted appeals whose ROUTED or NEEDS_TRIAGE event was read (each counted once)
     * @param needsTriage   of those, the ones no rule could route
     * @param missing       accepted appeals without such an event when the timeout ran out
     * @param missingSample up to 20 of them, earliest scheduled first
     * @param duplicates    events beyond the first for the same appeal
     * @param windowSeconds from the first scheduled send to the last routed event
     * @param routedPerSecond routed appeals over that window
     * @param submitToRouted from each appeal's scheduled send to the moment its event was read
     */
    public record Routing(long accepted, long routed, long needsTriage, long missing, List<String> missingSample,
                          long duplicates, double windowSeconds, double routedPerSecond, Latency submitToRouted) {
    }
}
