package kz.appeals.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void latencyPercentilesAreReportedInMilliseconds() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 1000L); // 1 ms .. 1000 ms
        }

        BenchReport.Latency latency = BenchReport.Latency.of(micros);

        assertEquals(1000, latency.count());
        assertEquals(500.0, latency.p50Ms(), 0.5);
        assertEquals(900.0, latency.p90Ms(), 0.5);
        assertEquals(990.0, latency.p99Ms(), 0.5);
        assertEquals(999.0, latency.p999Ms(), 0.5);
        assertEquals(1000.0, latency.maxMs(), 0.5);
        assertEquals(500.5, latency.meanMs(), 0.5);
    }

    @Test
    void anEmptyHistogramReportsZeroes() {
        assertEquals(new BenchReport.Latency(0, 0, 0, 0, 0, 0, 0), BenchReport.Latency.of(new Histogram(3)));
    }

    @Test
    void theReportIsWrittenAsJsonWithEverySection(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("results/nested/run.json");

        ReportWriter.write(failedRun(), file);

        JsonNode json = JSON.readTree(Files.readString(file));
        assertEquals("submit-to-routed", json.path("benchmark").asText());
        assertEquals(2, json.path("machine").path("cores").asInt());
        assertEquals(500, json.path("parameters").path("appeals").asInt());
        assertEquals(List.of("991021001", "991023001"),
                JSON.convertValue(json.path("parameters").path("katoCodes"), List.class));
        assertEquals(498, json.path("submit").path("statusCounts").path("201").asLong());
        assertEquals(2, json.path("submit").path("statusCounts").path("422").asLong());
        assertEquals(99.6, json.path("submit").path("acceptedPerSecond").asDouble());
        assertEquals(12.5, json.path("submit").path("httpLatency").path("p99Ms").asDouble());
        assertEquals(497, json.path("routing").path("routed").asLong());
        assertEquals("7f8d7c7e-4b7f-4a53-9e0b-7f1f1c0c2a11",
                json.path("routing").path("missingSample").path(0).asText());
        assertEquals(240.0, json.path("routing").path("submitToRouted").path("maxMs").asDouble());
        assertFalse(json.path("passed").asBoolean());
        assertTrue(json.path("verdict").asText().contains("not routed"));
    }

    @Test
    void theTokenIsNeverWritten() {
        BenchOptions options = BenchOptions.parse(new String[]{"--token=secret.jwt.value"}, Instant.EPOCH);

        String json = ReportWriter.toJson(report(BenchReport.Parameters.of(options)));

        assertFalse(json.contains("secret.jwt.value"));
        assertTrue(json.contains("\"tokenFrom\" : \"--token\""));
    }

    @Test
    void theSummaryShowsTheVerdictAndTheHeadlineNumbers() {
        String summary = ReportWriter.summary(failedRun());

        assertTrue(summary.contains("500 sent, 498 accepted (4xx 2, 5xx 0, no response 0)"), summary);
        assertTrue(summary.contains("497 of 498 accepted"), summary);
        assertTrue(summary.contains("FAILED: 1 of 498 accepted appeals not routed"), summary);
        assertTrue(summary.contains("all 1.75"), summary);
        assertTrue(summary.contains("1.10 commits, 3.00 rows inserted"), summary);
    }

    private static BenchReport failedRun() {
        return report(new BenchReport.Parameters(500, 100, 64, "http://127.0.0.1:8081", "127.0.0.1:59092",
                List.of("991021001", "991023001"), "key .run/system/keys/jwt-private.pem", 120, 30));
    }

    private static BenchReport report(BenchReport.Parameters parameters) {
        BenchReport.Latency http = new BenchReport.Latency(500, 3.2, 6.0, 12.5, 30.1, 41.0, 4.0);
        BenchReport.Latency routed = new BenchReport.Latency(497, 45.0, 80.0, 150.0, 200.0, 240.0, 50.0);
        return new BenchReport("submit-to-routed", "2026-11-23T08:15:30Z",
                new BenchReport.Machine(2, "OpenJDK 64-Bit Server VM 17.0.15", "Linux 6.1 amd64", 512),
                parameters,
                new BenchReport.Submit(500, 498, Map.of("201", 498L, "422", 2L), 2, 0, 0, 5.0, 99.6, 1.2, http,
                        List.of("422 {\"title\":\"Unknown KATO code\"}")),
                new BenchReport.Routing(498, 497, 0, 1, List.of("7f8d7c7e-4b7f-4a53-9e0b-7f1f1c0c2a11"), 0, 5.3,
                        93.8, routed),
                new SystemCost.PerAppeal(Map.of("intake", 1.25, "load-generator", 0.5), 1.75,
                        new SystemCost.PerAppeal.Database(1.1, 3.0, 2.0, 12.5)),
                false, "1 of 498 accepted appeals not routed within 120 s of the last response");
    }
}
