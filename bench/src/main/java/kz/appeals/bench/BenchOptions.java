package kz.appeals.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run does, from {@code --name=value} arguments. Invalid input is refused with a message naming the option,
 * rather than corrected, so that a report never describes a run other than the one asked for.
 */
public record BenchOptions(int appeals, double ratePerSecond, int concurrency, URI intake, String kafka,
                           List<String> katoCodes, String token, Path key, Path out, Duration timeout,
                           Path pids, String pg, String pgUser, String pgPassword) {

    public static final Path DEFAULT_KEY = Path.of(".run/system/keys/jwt-private.pem");

    static final String USAGE = """
            Usage: ./appeals bench submit-to-routed [--name=value ...]

            Submits appeals to intake at a fixed rate (open loop) and measures the HTTP latency of each submission
            and the time until routing publishes its ROUTED or NEEDS_TRIAGE event on appeals.routing.

              --appeals=N          appeals to submit (default 2000)
              --rate=R             submissions per second, kept whatever the responses (default 200)
              --concurrency=C      most HTTP requests in flight at once (default 64)
              --intake=URL         intake-service base address (default http://127.0.0.1:8081)
              --kafka=HOST:PORT    Kafka bootstrap servers (default 127.0.0.1:59092)
              --kato=CODE[,CODE]   9-digit settlement KATO codes, used in turn (default 991021001)
              --token=JWT          frontend bearer token to send, instead of minting one
              --key=PEM            private key that mints the frontend token
                                   (default .run/system/keys/jwt-private.pem)
              --out=FILE           JSON report (default bench/results/submit-to-routed-<UTC timestamp>.json)
              --timeout=DURATION   how long to wait for routed events after the last response, e.g. 90s, 2m,
                                   1500ms; a bare number is seconds (default 120s)
              --pids=DIR           pid files of the system's processes, whose CPU per appeal the report gives
                                   (default .run/system/pids)
              --pg=JDBC-URL        the system's database, whose commits and rows per appeal the report gives
                                   (default jdbc:postgresql://127.0.0.1:55432/appeals)
              --pg-user=NAME       a role that may read pg_stat_database (default postgres; --pg-password,
                                   default postgres)
              --help               this text

            Exit status: 0 when every accepted appeal was routed in time, 1 when some were not (or none was
            accepted), 2 on invalid options or no signing key, 3 when Kafka cannot be read (nothing sent).
            """;

    private static final Set<String> NAMES = Set.of("appeals", "rate", "concurrency", "intake", "kafka", "kato",
            "token", "key", "out", "timeout", "pids", "pg", "pg-user", "pg-password");
    private static final Pattern KATO = Pattern.compile("\\d{9}");
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    public static boolean helpRequested(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h"));
    }

    /**
     * @param now names the default report file
     * @throws IllegalArgumentException naming the offending option
     */
    public static BenchOptions parse(String[] args, Instant now) {
        Map<String, String> given = CommandLine.options(args, NAMES);
        if (given.containsKey("token") && given.containsKey("key")) {
            throw new IllegalArgumentException("give either --token or --key, not both");
        }
        String token = given.get("token");
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("--token is empty");
        }
        return new BenchOptions(
                CommandLine.positiveInt(given, "appeals", 2000),
                positiveRate(given.getOrDefault("rate", "200")),
                CommandLine.positiveInt(given, "concurrency", 64),
                intake(given.getOrDefault("intake", "http://127.0.0.1:8081")),
                nonBlank(given, "kafka", "127.0.0.1:59092"),
                katoCodes(given.getOrDefault("kato", "991021001")),
                token,
                token == null ? Path.of(given.getOrDefault("key", DEFAULT_KEY.toString())) : null,
                Path.of(given.getOrDefault("out",
                        "bench/results/submit-to-routed-" + FILE_TIMESTAMP.format(now) + ".json")),
                duration(given.getOrDefault("timeout", "120s")),
                Path.of(nonBlank(given, "pids", SystemCost.SYSTEM_PIDS.toString())),
                nonBlank(given, "pg", "jdbc:postgresql://127.0.0.1:55432/appeals"),
                nonBlank(given, "pg-user", "postgres"), given.getOrDefault("pg-password", "postgres"));
    }

    private static double positiveRate(String value) {
        try {
            double rate = Double.parseDouble(value);
            if (rate > 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--rate must be a positive number of appeals per second, got '" + value + "'");
    }

    private static URI intake(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--intake must be an http(s) address such as http://127.0.0.1:8081, got '"
                + value + "'");
    }

    private static String nonBlank(Map<String, String> given, String name, String defaultValue) {
        String value = given.getOrDefault(name, defaultValue);
        if (value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is empty");
        }
        return value;
    }

    private static List<String> katoCodes(String value) {
        List<String> codes = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        for (String code : codes) {
            if (!KATO.matcher(code).matches()) {
                throw new IllegalArgumentException("--kato takes 9-digit KATO codes separated by commas, got '"
                        + code + "'");
            }
        }
        return codes;
    }

    static Duration duration(String value) {
        return CommandLine.duration("timeout", value);
    }
}
