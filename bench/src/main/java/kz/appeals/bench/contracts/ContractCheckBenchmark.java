package kz.appeals.bench.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * What checking a consumed record against its JSON Schema costs beside reading it into its typed record, in CPU
 * microseconds per record on this thread (issue 19, item 3): every consumer does both for every record
 * ({@code CloudEventReader}), with the schemas compiled once. Runs the published examples of every event type.
 */
public final class ContractCheckBenchmark {

    public static final String NAME = "contract-check";

    private ContractCheckBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int records = 50_000;
        for (String arg : args) {
            if (arg.startsWith("--records=")) {
                records = Integer.parseInt(arg.substring("--records=".length()));
            } else {
                System.out.println("usage: ./appeals bench contract-check [--records=50000]\n"
                        + "  CPU per record of the schema check and of the typed read, for every event type's example");
                System.exit(arg.equals("--help") ? 0 : 2);
            }
        }
        ObjectMapper mapper = ContractJson.mapper();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        System.out.printf("%-28s %14s %14s%n", "event type", "check+read µs", "read alone µs");
        double checked = 0;
        double read = 0;
        int types = 0;
        for (EventType type : EventType.values()) {
            String json = example(type);
            if (json == null) {
                continue;
            }
            long sink = 0;
            for (int warmup = 0; warmup < records / 5; warmup++) {
                sink += ContractValidator.violations(type, mapper.readTree(json)).size();
                sink += mapper.readValue(json, type.dataType()).hashCode() & 1;
            }
            long start = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < records; i++) {
                JsonNode tree = mapper.readTree(json);
                sink += ContractValidator.violations(type, tree).size();
                sink += mapper.treeToValue(tree, type.dataType()).hashCode() & 1;
            }
            long middle = cpu.getCurrentThreadCpuTime();
            for (int i = 0; i < records; i++) {
                sink += mapper.readValue(json, type.dataType()).hashCode() & 1;
            }
            long end = cpu.getCurrentThreadCpuTime();
            double both = (middle - start) / 1e3 / records;
            double alone = (end - middle) / 1e3 / records;
            checked += both;
            read += alone;
            types++;
            System.out.printf("%-28s %14.1f %14.1f%s%n", type.wireName().replace("kz.appeals.", ""), both, alone,
                    sink < 0 ? "" : "");
        }
        System.out.printf("%-28s %14.1f %14.1f  (mean of %d types; the check costs %.1f µs a record)%n", "mean",
                checked / types, read / types, types, (checked - read) / types);
    }

    private static String example(EventType type) throws IOException {
        try (InputStream in = EventType.class.getResourceAsStream("/examples/" + type.resourceName() + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
