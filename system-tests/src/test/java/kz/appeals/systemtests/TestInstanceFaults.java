package kz.appeals.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Stops and starts the test instance's real broker and database through {@code ./appeals faults <action>}
 * (scripts/faults.sh), the same code that starts them for the test run, on the ports this JVM's environment names
 * ({@code APPEALS_TEST_*}). Each action returns when it is done: the process gone, or the server accepting connections.
 */
final class TestInstanceFaults {

    private static final Path LOG = ServiceProcess.ROOT.resolve("system-tests/target/faults.log");

    private TestInstanceFaults() {
    }

    /** SIGTERM to the broker: its controlled shutdown; the topics and their data stay. */
    static Duration stopKafka() throws IOException, InterruptedException {
        return run("kafka-stop");
    }

    /** The broker again on the same port and KRaft data. */
    static Duration startKafka() throws IOException, InterruptedException {
        return run("kafka-start");
    }

    /** {@code pg_ctl stop -m immediate}: every connection cut, no shutdown checkpoint. */
    static Duration stopPostgres() throws IOException, InterruptedException {
        return run("pg-stop");
    }

    /** PostgreSQL again on the same port and data folder, after crash recovery. */
    static Duration startPostgres() throws IOException, InterruptedException {
        return run("pg-start");
    }

    private static Duration run(String action) throws IOException, InterruptedException {
        Files.createDirectories(LOG.getParent());
        Instant started = Instant.now();
        Process process = new ProcessBuilder(ServiceProcess.ROOT.resolve("appeals").toString(), "faults", action)
                .directory(ServiceProcess.ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./appeals faults " + action + " did not finish in 120 s; see " + LOG);
        }
        assertEquals(0, process.exitValue(), "./appeals faults " + action + " failed; see " + LOG);
        return Duration.between(started, Instant.now());
    }
}
