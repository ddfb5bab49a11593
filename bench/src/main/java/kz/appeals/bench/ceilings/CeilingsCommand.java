package kz.appeals.bench.ceilings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kz.appeals.bench.CommandLine;
import kz.appeals.bench.MachineState;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code ./appeals bench ceilings}: the raw ceilings alone, as every scenario measures them first. */
public final class CeilingsCommand {

    public static final String NAME = "ceilings";

    static final String USAGE = """
            Usage: ./appeals bench ceilings [--name=value ...]

            Measures, one after the other on the running system's infrastructure: PostgreSQL's single-row commit
            rate (scratch table bench_commit_probe, dropped afterwards), the Kafka producer rate (acks=all,
            idempotent, 1 KB records onto a scratch topic, deleted afterwards) and the request rate of intake's
            /q/health/live (an empty Quarkus endpoint).

              --duration=D         each probe's length (default 10s)
              --clients=N          connections / clients of each probe (default 16)
              --pg=JDBC-URL        database (default jdbc:postgresql://127.0.0.1:55432/appeals)
              --pg-user=NAME       role that creates the scratch table (default postgres; --pg-password, postgres)
              --kafka=HOST:PORT    Kafka (default 127.0.0.1:59092)
              --intake=URL         intake-service (default http://127.0.0.1:8081)
              --out=FILE           JSON report (default bench/results/ceilings-<UTC time>.json)
            """;
    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CeilingsCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(USAGE);
            return;
        }
        Map<String, String> given;
        Duration duration;
        int clients;
        try {
            given = CommandLine.options(args, Set.of("duration", "clients", "pg", "pg-user", "pg-password", "kafka",
                    "intake", "out"));
            duration = CommandLine.duration("duration", given.getOrDefault("duration", "10s"));
            clients = Integer.parseInt(given.getOrDefault("clients", "16"));
            if (clients < 1) {
                throw new IllegalArgumentException("--clients must be positive");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("bench ceilings: " + e.getMessage() + "; --help lists the options");
            System.exit(2);
            return;
        }
        Instant startedAt = Instant.now();
        MachineState before = MachineState.now();
        Ceilings ceilings = Ceilings.measure(new Ceilings.Settings(
                given.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:55432/appeals"),
                given.getOrDefault("pg-user", "postgres"), given.getOrDefault("pg-password", "postgres"),
                given.getOrDefault("kafka", "127.0.0.1:59092"),
                URI.create(given.getOrDefault("intake", "http://127.0.0.1:8081") + "/q/health/live"), clients, duration),
                System.err);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", NAME);
        report.put("startedAt", startedAt.toString());
        report.put("machine", before);
        report.put("loadAverageAtEnd", MachineState.currentLoadAverage());
        report.put("ceilings", ceilings);
        Path out = Path.of(given.getOrDefault("out", "bench/results/" + NAME + "-" + FILE_TIMESTAMP.format(startedAt)
                + ".json"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        Files.writeString(out, json);
        System.out.print(json);
        System.err.println("bench ceilings: report written to " + out);
    }
}
