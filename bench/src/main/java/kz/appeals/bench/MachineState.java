package kz.appeals.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run measured on, and how busy it was: on a shared 2-core machine the load average explains a
 * number as much as the code does, so every report records it at the start and the end of the run.
 *
 * @param loadAverage the 1, 5 and 15 minute load averages ({@code /proc/loadavg}; empty where unavailable)
 */
public record MachineState(int cores, long memoryMb, String jvm, String os, List<Double> loadAverage) {

    public static MachineState now() {
        return new MachineState(Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                currentLoadAverage());
    }

    /** The three load averages, or an empty list off Linux. */
    public static List<Double> currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // reported as 0: unknown
        }
        return 0;
    }
}
