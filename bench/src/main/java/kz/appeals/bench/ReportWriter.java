package kz.appeals.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Renders a {@link BenchReport}: as JSON for the file, as a few lines for whoever watches the run. */
final class ReportWriter {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writer();

    static String toJson(BenchReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot render the report", e);
        }
    }

    /** Writes the JSON report, creating the folder if needed. */
    static void write(BenchReport report, Path file) {
        try {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            Files.writeString(file, toJson(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + file, e);
        }
    }

    static String summary(BenchReport report) {
        BenchReport.Submit submit = report.submit();
        BenchReport.Routing routing = report.routing();
        BenchReport.Latency http = submit.httpLatency();
        BenchReport.Latency routed = routing.submitToRouted();
        return String.format(Locale.ROOT, """
                        submit: %d sent, %d accepted (4xx %d, 5xx %d, no response %d); %.1f accepted/s over %.1f s
                          HTTP latency ms:      p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f
                        routed: %d of %d accepted (needs triage %d, missing %d, duplicates %d); %.1f routed/s
                          submit->routed ms:    p50 %.1f  p90 %.1f  p99 %.1f  max %.1f
                        %s
                        %s: %s""",
                submit.sent(), submit.accepted(), submit.clientErrors(), submit.serverErrors(), submit.errors(),
                submit.acceptedPerSecond(), submit.windowSeconds(),
                http.p50Ms(), http.p90Ms(), http.p99Ms(), http.p999Ms(), http.maxMs(),
                routing.routed(), routing.accepted(), routing.needsTriage(), routing.missing(), routing.duplicates(),
                routing.routedPerSecond(),
                routed.p50Ms(), routed.p90Ms(), routed.p99Ms(), routed.maxMs(), report.cost().describe(),
                report.passed() ? "PASSED" : "FAILED", report.verdict());
    }

    private ReportWriter() {
    }
}
