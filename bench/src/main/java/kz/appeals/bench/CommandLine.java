package kz.appeals.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmarks' options: {@code --name=value}, each at most once, only names the benchmark knows. */
public final class CommandLine {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

    private CommandLine() {
    }

    /** @throws IllegalArgumentException naming the offending argument */
    public static Map<String, String> options(String[] args, Set<String> names) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            String name = arg.substring(2, eq);
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (given.put(name, arg.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        return given;
    }

    /** A positive duration such as {@code 120s}, {@code 2m} or {@code 1500ms}; a bare number is seconds. */
    public static Duration duration(String option, String value) {
        Matcher m = DURATION.matcher(value.trim());
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            Duration duration = switch (m.group(2) == null ? "s" : m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (!duration.isZero()) {
                return duration;
            }
        }
        throw new IllegalArgumentException("--" + option + " must be a positive duration such as 120s, 2m or 1500ms, got '"
                + value + "'");
    }

    /** A daemon thread, so that a worker stuck on the network never keeps the benchmark from exiting. */
    public static Thread daemon(Runnable work) {
        Thread thread = new Thread(work);
        thread.setDaemon(true);
        return thread;
    }

    /** The option's value as a whole number above zero, {@code defaultValue} when absent. */
    public static int positiveInt(Map<String, String> given, String name, int defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, got '" + value + "'");
    }
}
