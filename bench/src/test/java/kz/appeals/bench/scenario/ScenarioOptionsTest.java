package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenarioOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:15:30Z");

    private static ScenarioOptions parse(String... args) {
        return ScenarioOptions.parse(args, NOW);
    }

    @Test
    void defaultsDescribeTheDocumentedRun() {
        ScenarioOptions options = parse("--scenario=full-pipeline");
        assertEquals(ScenarioOptions.Scenario.FULL_PIPELINE, options.scenario());
        assertEquals(2000, options.appeals());
        assertEquals(40.0, options.ratePerSecond());
        assertEquals(64, options.concurrency());
        assertEquals(32, options.offices());
        assertEquals(OfficeMix.NATIONAL, options.officeMix());
        assertEquals(URI.create("http://127.0.0.1:8081"), options.intake());
        assertEquals(URI.create("http://127.0.0.1:8083"), options.response());
        assertEquals("127.0.0.1:59092", options.kafka());
        assertEquals(6, options.katoCodes().size());
        assertEquals(ScenarioOptions.Territory.NATIONAL, options.territory());
        assertEquals(Duration.ofSeconds(10), options.ceilings());
        assertEquals(Duration.ofSeconds(240), options.timeout());
        assertTrue(options.lapseIgnored());
        assertTrue(options.followsPipeline());
        assertEquals(Path.of("bench/results/scenario-full-pipeline-20261202T061530Z.json"), options.out());
        assertEquals(Path.of("bench/results/scenario-full-pipeline-20261202T061530Z.svg"), options.beside(".svg"));
        assertEquals(Path.of("bench/results/scenario-full-pipeline-20261202T061530Z.appeals"),
                options.beside(".appeals"));
    }

    @Test
    void aDurationBecomesRateTimesDurationAppeals() {
        ScenarioOptions options = parse("--scenario=intake-only", "--rate=150", "--duration=60s");
        assertEquals(9000, options.appeals());
        assertEquals(false, options.followsPipeline());
        assertEquals(300, parse("--scenario=intake-only", "--rate=0.5", "--duration=10m").appeals());
    }

    @Test
    void readsEveryOption() {
        ScenarioOptions options = parse("--scenario=year-replay", "--appeals=10000000", "--rate=1500",
                "--concurrency=128", "--offices=32", "--office-mix=80,10,10", "--rated=30", "--kato=991021001",
                "--territory=settlements", "--territory-seed=7", "--seed=9", "--lapse-ignored=false", "--timeout=2m",
                "--ceilings=off", "--ceiling-clients=8", "--intake=http://h:1/", "--response=http://h:2",
                "--kafka=h:3", "--pg=jdbc:postgresql://h:4/x", "--pg-user=u", "--pg-password=p", "--key=k.pem",
                "--out=target/r.json");
        assertEquals(10_000_000, options.appeals());
        assertEquals(1500.0, options.ratePerSecond());
        assertEquals(new OfficeMix(80, 10, 10, 30), options.officeMix());
        assertEquals(List.of("991021001"), options.katoCodes());
        assertEquals(ScenarioOptions.Territory.SETTLEMENTS, options.territory());
        assertEquals(7, options.territorySeed());
        assertEquals(9, options.seed());
        assertEquals(false, options.lapseIgnored());
        assertEquals(Duration.ofMinutes(2), options.timeout());
        assertNull(options.ceilings());
        assertEquals(8, options.ceilingClients());
        assertEquals(URI.create("http://h:1"), options.intake());
        assertEquals("u", options.pgUser());
        assertEquals(Path.of("target/r.svg"), options.beside(".svg"));
    }

    @Test
    void refusesWhatItCannotRunAsAsked() {
        assertTrue(message("--rate=10").contains("--scenario is required"));
        assertTrue(message("--scenario=everything").contains("--scenario"));
        assertTrue(message("--scenario=intake-only", "--appeals=10", "--duration=10s").contains("not both"));
        assertTrue(message("--scenario=intake-only", "--rate=0").contains("--rate"));
        assertTrue(message("--scenario=intake-only", "--appeals=-1").contains("--appeals"));
        assertTrue(message("--scenario=intake-only", "--kato=99102100").contains("--kato"));
        assertTrue(message("--scenario=intake-only", "--territory=mars").contains("--territory"));
        assertTrue(message("--scenario=intake-only", "--ceilings=never").contains("--ceilings"));
        assertTrue(message("--scenario=intake-only", "--lapse-ignored=yes").contains("--lapse-ignored"));
        assertTrue(message("--scenario=intake-only", "--out=r.txt").contains("--out"));
        assertTrue(message("--scenario=intake-only", "--intake=ftp://x").contains("--intake"));
        assertTrue(message("--scenario=intake-only", "--office-mix=90,20,0").contains("add up to 100"));
        assertTrue(message("--scenario=intake-only", "--colour=blue").contains("unknown option"));
    }

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }
}
