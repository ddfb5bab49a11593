package kz.appeals.bench.ledger;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

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
        assertTrue(options.appeals().isEmpty());
        assertEquals(Duration.ZERO, options.settle());
        assertEquals(10, options.samples());
        assertEquals(Path.of("bench/results/ledger-20261202T101530Z.json"), options.out());
    }

    @Test
    void readsEveryOption() {
        LedgerCommand.Options options = LedgerCommand.Options.parse(new String[]{
                "--pg=jdbc:postgresql://127.0.0.1:57632/appeals", "--since=2026-12-02T10:00:00Z", "--settle=2m",
                "--appeals=3f6c1e0a-8b2d-4c71-9a55-2e7d4b9c1f08, afd1b2d8-925e-413b-8f1d-b45fd96f9ef3",
                "--samples=3", "--out=target/ledger.json"}, NOW);
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), options.since());
        assertEquals(Set.of(UUID.fromString("3f6c1e0a-8b2d-4c71-9a55-2e7d4b9c1f08"),
                UUID.fromString("afd1b2d8-925e-413b-8f1d-b45fd96f9ef3")), options.appeals());
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
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--appeals=KZ26-0000001-F"}, NOW)).getMessage()
                .contains("--appeals"));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--samples=-1"}, NOW));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerCommand.Options.parse(new String[]{"--jdbc=x"}, NOW));
    }
}
