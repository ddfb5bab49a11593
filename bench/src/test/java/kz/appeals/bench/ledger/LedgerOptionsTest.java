package kz.appeals.bench.ledger;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedgerOptionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:15:30Z");

    @Test
    void defaultsCheckTheRunningSystemOnceAndEverything() {
        LedgerCommand.Options options = LedgerCommand.Options.parse(new String[0], NOW);
        assertEquals("jdbc:postgresql://127.0.0.1:55432/appeals", options.pg());
        assertNull(options.since());
        assertEquals(Duration.ZERO, options.settle());
        assertEquals(10, options.samples());
        assertEquals(Path.of("bench/results/ledger-20261202T101530Z.json"), options.out());
    }

    @Test
    void readsEveryOption() {
        LedgerCommand.Options options = LedgerCommand.Options.parse(new String[]{
                "--pg=jdbc:postgresql://127.0.0.1:57632/appeals", "--since=2026-12-02T10:00:00Z", "--settle=2m",
                "--samples=3", "--out=target/ledger.json"}, NOW);
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), options.since());
        assertEquals(Duration.ofMinutes(2), options.settle());
        assertEquals(3, options.samples());
        assertEquals(Path.of("target/ledger.json"), options.out());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--since=yesterday"}, NOW)).getMessage()
                .contains("--since"));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--settle=soon"}, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--samples=-1"}, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--jdbc=x"}, NOW));
    }
}
