package kz.appeals.bench.scenario;

import kz.appeals.bench.CommandLine;

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

/**
 * A scenario run from {@code --name=value} arguments. Invalid input is refused with a message naming the option,
 * never corrected, so that a report describes the run that was asked for.
 *
 * @param ceilings how long each raw ceiling is measured before the load, or null for none
 */
public record ScenarioOptions(Scenario scenario, int appeals, double ratePerSecond, int concurrency, int offices,
                              URI intake, URI response, String kafka, String pg, String pgUser, String pgPassword,
                              List<String> katoCodes, Territory territory, long territorySeed, OfficeMix officeMix,
                              long seed, Duration timeout, Duration ceilings, int ceilingClients, boolean lapseIgnored,
                              Path key, Path out) {

    public enum Scenario {
        INTAKE_ONLY("intake-only"), FULL_PIPELINE("full-pipeline"), YEAR_REPLAY("year-replay");

        private final String wireName;

        Scenario(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Scenario of(String value) {
            return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--scenario must be one of intake-only, "
                            + "full-pipeline, year-replay, got '" + value + "'"));
        }
    }

    /** Where year-replay's appeals come from: the synthetic national territory, or the --kato settlements. */
    public enum Territory { NATIONAL, SETTLEMENTS }

    public static final String NAME = "scenario";
    /** The demo territory's settlements, one per rural district of region 99. */
    static final String SAMPLE_SETTLEMENTS = "991021001,991023001,991025001,991027001,992021001,992023001";

    static final String USAGE = """
            Usage: ./appeals bench scenario --scenario=intake-only|full-pipeline|year-replay [--name=value ...]

            Offers appeals to the running system open loop and follows each as far as the scenario goes:
              intake-only     POST to intake; HTTP latency and accepted per second
              full-pipeline   submit -> routed (appeals.routing) -> the office acknowledges, perhaps extends, answers
                              through response-service (or ignores it, and the term is made to lapse so that the
                              sweeper escalates it) -> the applicant rates the answer
              year-replay     full-pipeline in the national shape: settlements of the synthetic national territory
                              by region population, a category mix, the national office behaviour; reports the
                              throughput and the projected time for --projection (10,000,000) appeals
            Measures the raw ceilings first (PostgreSQL commits, Kafka producer, an empty Quarkus endpoint), then the
            load; per second: throughput and p50/p90/p99 of every stage. Writes JSON, an SVG chart and the accepted
            appeal ids (for ./appeals ledger --appeals-file=) to bench/results/.

              --scenario=NAME      intake-only, full-pipeline or year-replay (required)
              --appeals=N          appeals to submit (default 2000)
              --duration=D         instead of --appeals: submit for this long (--rate x D appeals), e.g. 60s
              --rate=R             submissions per second, kept whatever the responses (default 40)
              --concurrency=C      most submissions in flight (default 64)
              --offices=N          simulated office clerks acting at once, each on one appeal's calls in turn
                                   (default 32)
              --office-mix=A,B,C   percent answered on time, extended then answered, ignored (default 85,7,8)
              --rated=P            percent of answers the applicant rates (default 50)
              --kato=CODE,...      settlements to submit to (default the demo territory's six: %s)
              --territory=T        year-replay: national (the synthetic national territory, loaded with
                                   bench national-territory + scripts/import-territory.sh) or settlements (--kato)
                                   (default national)
              --territory-seed=S   seed of that territory (default 2334, as bench national-territory)
              --seed=S             seed of the appeals' mix (default 2026)
              --lapse-ignored=B    make ignored appeals' terms lapse (escalation's due date moved into the past, as
                                   escalation-sweep does) so that the sweeper escalates them (default true)
              --timeout=D          after the last submission, how long to wait for every appeal to finish
                                   (default 240s; the system's sweeper runs every 60 s)
              --ceilings=D|off     measure each raw ceiling for D first (default 10s)
              --ceiling-clients=N  connections / clients of the ceiling probes (default 16)
              --intake=URL         intake-service (default http://127.0.0.1:8081)
              --response=URL       response-service (default http://127.0.0.1:8083)
              --kafka=HOST:PORT    Kafka (default 127.0.0.1:59092)
              --pg=JDBC-URL        the system's database (default jdbc:postgresql://127.0.0.1:55432/appeals)
              --pg-user=NAME       a role that may update escalation.deadline and create a scratch table
                                   (default postgres; --pg-password, default postgres)
              --key=PEM            signs every token (default .run/system/keys/jwt-private.pem)
              --out=FILE           JSON report (default bench/results/scenario-<scenario>-<UTC time>.json); the chart
                                   (.svg) and the appeal ids (.appeals) are written beside it

            Exit status: 0 every accepted appeal finished and no target was missed, 1 otherwise, 2 invalid options,
            3 the system cannot be reached.
            """.formatted(SAMPLE_SETTLEMENTS);

    private static final Set<String> NAMES = Set.of("scenario", "appeals", "duration", "rate", "concurrency", "offices",
            "office-mix", "rated", "kato", "territory", "territory-seed", "seed", "lapse-ignored", "timeout", "ceilings",
            "ceiling-clients", "intake", "response", "kafka", "pg", "pg-user", "pg-password", "key", "out");
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** @throws IllegalArgumentException naming the offending option */
    public static ScenarioOptions parse(String[] args, Instant now) {
        Map<String, String> given = CommandLine.options(args, NAMES);
        if (!given.containsKey("scenario")) {
            throw new IllegalArgumentException("--scenario is required: intake-only, full-pipeline or year-replay");
        }
        Scenario scenario = Scenario.of(given.get("scenario"));
        double rate = positiveDouble(given, "rate", 40);
        if (given.containsKey("appeals") && given.containsKey("duration")) {
            throw new IllegalArgumentException("give either --appeals or --duration, not both");
        }
        int appeals;
        if (given.containsKey("duration")) {
            Duration duration = CommandLine.duration("duration", given.get("duration"));
            long count = Math.round(rate * duration.toMillis() / 1000.0);
            if (count < 1 || count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("--rate x --duration must be 1.." + Integer.MAX_VALUE
                        + " appeals, got " + count);
            }
            appeals = (int) count;
        } else {
            appeals = CommandLine.positiveInt(given, "appeals", 2000);
        }
        List<String> kato = Arrays.stream(given.getOrDefault("kato", SAMPLE_SETTLEMENTS).split(",", -1))
                .map(String::trim).toList();
        for (String code : kato) {
            if (!code.matches("\\d{9}")) {
                throw new IllegalArgumentException("--kato takes 9-digit KATO codes separated by commas, got '"
                        + code + "'");
            }
        }
        Territory territory = switch (given.getOrDefault("territory", "national")) {
            case "national" -> Territory.NATIONAL;
            case "settlements" -> Territory.SETTLEMENTS;
            default -> throw new IllegalArgumentException("--territory must be national or settlements, got '"
                    + given.get("territory") + "'");
        };
        String ceilingsValue = given.getOrDefault("ceilings", "10s");
        Duration ceilings = ceilingsValue.equals("off") ? null : CommandLine.duration("ceilings", ceilingsValue);
        String out = given.getOrDefault("out", "bench/results/" + NAME + "-" + scenario.wireName() + "-"
                + FILE_TIMESTAMP.format(now) + ".json");
        if (!out.endsWith(".json")) {
            throw new IllegalArgumentException("--out must name a .json file (the chart and ids go beside it), got '"
                    + out + "'");
        }
        return new ScenarioOptions(scenario, appeals, rate, CommandLine.positiveInt(given, "concurrency", 64),
                CommandLine.positiveInt(given, "offices", 32), url(given, "intake", "http://127.0.0.1:8081"),
                url(given, "response", "http://127.0.0.1:8083"), given.getOrDefault("kafka", "127.0.0.1:59092"),
                given.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:55432/appeals"),
                given.getOrDefault("pg-user", "postgres"), given.getOrDefault("pg-password", "postgres"), kato,
                territory, longValue(given, "territory-seed", 2334),
                OfficeMix.parse(given.getOrDefault("office-mix", "85,7,8"), given.getOrDefault("rated", "50")),
                longValue(given, "seed", 2026), CommandLine.duration("timeout", given.getOrDefault("timeout", "240s")),
                ceilings, CommandLine.positiveInt(given, "ceiling-clients", 16), bool(given, "lapse-ignored", true),
                Path.of(given.getOrDefault("key", ".run/system/keys/jwt-private.pem")), Path.of(out));
    }

    /** The file beside the JSON report with another extension, e.g. {@code .svg}. */
    public Path beside(String extension) {
        String name = out.getFileName().toString();
        return out.resolveSibling(name.substring(0, name.length() - ".json".length()) + extension);
    }

    public boolean followsPipeline() {
        return scenario != Scenario.INTAKE_ONLY;
    }

    private static double positiveDouble(Map<String, String> given, String name, double defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            double parsed = Double.parseDouble(value);
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--" + name + " must be a positive number, got '" + value + "'");
    }

    private static long longValue(Map<String, String> given, String name, long defaultValue) {
        String value = given.get(name);
        try {
            return value == null ? defaultValue : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    private static boolean bool(Map<String, String> given, String name, boolean defaultValue) {
        String value = given.get(name);
        if (value == null) {
            return defaultValue;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + " must be true or false, got '" + value + "'");
        };
    }

    private static URI url(Map<String, String> given, String name, String defaultValue) {
        String value = given.getOrDefault(name, defaultValue);
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the option's name
        }
        throw new IllegalArgumentException("--" + name + " must be an http(s) address, got '" + value + "'");
    }
}
