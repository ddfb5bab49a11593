package kz.appeals.bench.ledger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
    void readsTheAppealsOfAFileTogetherWithThoseGiven(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("run.appeals");
        Files.writeString(file, "3f6c1e0a-8b2d-4c71-9a55-2e7d4b9c1f08\n\n afd1b2d8-925e-413b-8f1d-b45fd96f9ef3 \n");
        LedgerCommand.Options options = LedgerCommand.Options.parse(new String[]{"--appeals-file=" + file,
                "--appeals=0b7e3c7a-41f2-4d4e-9a0e-6f2f1d3c5b11"}, NOW);
        assertEquals(Set.of(UUID.fromString("3f6c1e0a-8b2d-4c71-9a55-2e7d4b9c1f08"),
                UUID.fromString("afd1b2d8-925e-413b-8f1d-b45fd96f9ef3"),
                UUID.fromString("0b7e3c7a-41f2-4d4e-9a0e-6f2f1d3c5b11")), options.appeals());
    }

    @Test
    void refusesAnAppealsFileThatIsMissingEmptyOrNotIds(@TempDir Path folder) throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LedgerCommand.Options.parse(
                new String[]{"--appeals-file=" + folder.resolve("none")}, NOW)).getMessage().contains("cannot read"));
        Path empty = Files.writeString(folder.resolve("empty.appeals"), "\n");
        // an empty scope would check every appeal instead: refused
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LedgerCommand.Options.parse(
                new String[]{"--appeals-file=" + empty}, NOW)).getMessage().contains("lists no appeal"));
        Path wrong = Files.writeString(folder.resolve("wrong.appeals"), "KZ26-0000001-F\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LedgerCommand.Options.parse(
                new String[]{"--appeals-file=" + wrong}, NOW)).getMessage().contains("--appeals-file"));
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
