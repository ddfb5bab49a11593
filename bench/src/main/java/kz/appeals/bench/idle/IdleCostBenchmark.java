package kz.appeals.bench.idle;

import kz.appeals.bench.MachineState;
import kz.appeals.bench.SystemCost;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the running system costs when nobody uses it: CPU of every process the system instance started (the five
 * services, Kafka, PostgreSQL with all its backends), read from the operating system before and after a quiet
 * window, in ms of CPU per second of wall time. Background work (relay, sweeps, refreshers, pollers) is all there is
 * to measure, so nothing must use the system meanwhile; issue 19's target is under 50 ms/s for the whole.
 */
public final class IdleCostBenchmark {

    public static final String NAME = "idle";
    private static final double TARGET_MS_PER_SECOND = 50;

    private IdleCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Duration window = Duration.ofSeconds(60);
        Path pids = SystemCost.SYSTEM_PIDS;
        for (String arg : args) {
            if (arg.startsWith("--seconds=")) {
                window = Duration.ofSeconds(Long.parseLong(arg.substring("--seconds=".length())));
            } else if (arg.startsWith("--pids=")) {
                pids = Path.of(arg.substring("--pids=".length()));
            } else {
                System.out.println("""
                        usage: ./appeals bench idle [--seconds=60] [--pids=.run/system/pids]
                          Measures the CPU every process of the running system uses while nobody uses it
                          (./appeals up first, then leave it alone), in ms of CPU per second, each and in all.""");
                System.exit(arg.equals("--help") ? 0 : 2);
            }
        }
        Map<String, Long> processes = SystemCost.runningProcesses(pids);
        if (processes.isEmpty()) {
            System.err.println("bench idle: no running process recorded in " + pids + "; start the system with "
                    + "./appeals up");
            System.exit(1);
        }
        Map<String, Duration> before = cpu(processes);
        long started = System.nanoTime();
        Thread.sleep(window.toMillis());
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Duration> after = cpu(processes);
        System.out.printf("idle cost over %.1f s, %s%n", seconds, MachineState.now());
        double total = 0;
        for (String name : processes.keySet()) {
            double msPerSecond = after.get(name).minus(before.get(name)).toNanos() / 1e6 / seconds;
            total += msPerSecond;
            System.out.printf("  %-20s %7.1f ms CPU/s%n", name, msPerSecond);
        }
        System.out.printf("  %-20s %7.1f ms CPU/s (target < %.0f: ratio %.2f)%n", "all", total, TARGET_MS_PER_SECOND,
                total / TARGET_MS_PER_SECOND);
    }

    private static Map<String, Duration> cpu(Map<String, Long> processes) {
        Map<String, Duration> used = new TreeMap<>();
        processes.forEach((name, pid) -> used.put(name, SystemCost.treeCpu(pid)));
        return used;
    }
}
