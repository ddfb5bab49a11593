package kz.appeals.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:15:30.123Z");

    @Test
    void defaultsDescribeTheDocumentedRun() {
        BenchOptions options = BenchOptions.parse(new String[0], NOW);

        assertEquals(2000, options.appeals());
        assertEquals(200.0, options.ratePerSecond());
        assertEquals(64, options.concurrency());
        assertEquals(URI.create("http://127.0.0.1:8081"), options.intake());
        assertEquals("127.0.0.1:59092", options.kafka());
        assertEquals(List.of("991021001"), options.katoCodes());
        assertNull(options.token());
        assertEquals(BenchOptions.DEFAULT_KEY, options.key());
        assertEquals(Path.of("bench/results/submit-to-routed-20261123T081530Z.json"), options.out());
        assertEquals(Duration.ofSeconds(120), options.timeout());
    }

    @Test
    void everyOptionIsRead() {
        BenchOptions options = BenchOptions.parse(new String[]{
                "--appeals=5000", "--rate=12.5", "--concurrency=8", "--intake=https://intake.example:9443/",
                "--kafka=10.0.0.1:9092,10.0.0.2:9092", "--kato=991021001, 991023001", "--key=/tmp/k.pem",
                "--out=/tmp/r.json", "--timeout=2m"}, NOW);

        assertEquals(5000, options.appeals());
        assertEquals(12.5, options.ratePerSecond());
        assertEquals(8, options.concurrency());
        assertEquals(URI.create("https://intake.example:9443"), options.intake(), "trailing slash dropped");
        assertEquals("10.0.0.1:9092,10.0.0.2:9092", options.kafka());
        assertEquals(List.of("991021001", "991023001"), options.katoCodes());
        assertEquals(Path.of("/tmp/k.pem"), options.key());
        assertEquals(Path.of("/tmp/r.json"), options.out());
        assertEquals(Duration.ofMinutes(2), options.timeout());
    }

    @Test
    void aGivenTokenReplacesTheKey() {
        BenchOptions options = BenchOptions.parse(new String[]{"--token=eyJ.a=b.c"}, NOW);

        assertEquals("eyJ.a=b.c", options.token(), "only the first '=' separates name from value");
        assertNull(options.key());
    }

    @ParameterizedTest
    @CsvSource({"90, PT1M30S", "90s, PT1M30S", "1500ms, PT1.5S", "3m, PT3M"})
    void durationsTakeAUnitOrMeanSeconds(String text, Duration expected) {
        assertEquals(expected, BenchOptions.duration(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--appeals=0", "--appeals=-5", "--appeals=many", "--rate=0", "--rate=NaN",
            "--concurrency=1.5", "--intake=127.0.0.1:8081", "--intake=ftp://host", "--kafka=",
            "--kato=99102100", "--kato=991021001,", "--timeout=0s", "--timeout=1h", "--token=",
            "--unknown=1", "--appeals", "appeals=5"})
    void invalidInputIsRefusedNamingTheProblem(String arg) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[]{arg}, NOW));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void tokenAndKeyTogetherAreAmbiguous() {
        assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[]{"--token=x", "--key=y"}, NOW));
    }

    @Test
    void anOptionGivenTwiceIsRefusedRatherThanGuessed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(new String[]{"--rate=100", "--rate=500"}, NOW));
        assertTrue(e.getMessage().contains("--rate"));
    }

    @Test
    void helpIsRecognisedAnywhere() {
        assertTrue(BenchOptions.helpRequested(new String[]{"--rate=5", "--help"}));
        assertTrue(BenchOptions.helpRequested(new String[]{"-h"}));
        assertFalse(BenchOptions.helpRequested(new String[]{"--rate=5"}));
    }
}
