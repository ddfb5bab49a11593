package kz.appeals.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged service (its {@code quarkus-run.jar}) started by a benchmark as an operating-system process on the
 * benchmark's PostgreSQL and Kafka, configured through the same environment variables as docker-compose.yml and
 * k8s/, so that a benchmark measures the service alone on an instance of its own (e.g. the test instance).
 */
public final class ServiceUnderTest implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceUnderTest(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * @param jvmOptions besides the heap and the collector, e.g. log categories, which an environment variable
     *                   cannot spell (they are case-sensitive)
     * @param environment the service's settings besides port, database, Kafka and token key
     */
    public static ServiceUnderTest start(String name, Path jar, String jdbcUrl, String kafka, Path jwtPublicKey,
                                         String heap, List<String> jvmOptions, Map<String, String> environment,
                                         Path log) throws IOException {
        int port = 18000 + (int) (ProcessHandle.current().pid() % 1000);
        List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap, "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + jwtPublicKey.toAbsolutePath());
        env.putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        System.err.println("starting " + jar + " on port " + port + ", log " + log);
        return new ServiceUnderTest(name, port, log, builder.start());
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Process process() {
        return process;
    }

    /** CPU time the process has used so far (user and system), from the operating system. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /**
     * CPU time used so far by the processes of the PostgreSQL server {@code db} is connected to — its postmaster and
     * the processes it started — when it runs on this machine; what a benchmark's work cost the database, however
     * busy the machine's cores were with anything else. Zero when the server's processes cannot be seen.
     */
    public static Duration databaseCpuTime(Connection db) throws SQLException {
        long backend;
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("select pg_backend_pid()")) {
            row.next();
            backend = row.getLong(1);
        }
        return ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                .map(postmaster -> java.util.stream.Stream.concat(java.util.stream.Stream.of(postmaster),
                                postmaster.children())
                        .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(baseUri().resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** A graceful stop, as the platform's orchestrator does. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /**
     * A benchmark must not flatter PostgreSQL: durable settings (fsync, synchronous_commit, full_page_writes) through
     * the superuser, whatever the instance was started with (the test instance starts without them).
     *
     * @return the settings in force afterwards, for the report
     */
    public static Map<String, String> makeDurable(String jdbcUrl, String superuserPassword) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", superuserPassword);
             Statement sql = db.createStatement()) {
            sql.execute("alter system set fsync = on");
            sql.execute("alter system set synchronous_commit = on");
            sql.execute("alter system set full_page_writes = on");
            sql.execute("select pg_reload_conf()");
            for (String setting : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes",
                    "shared_buffers")) {
                try (ResultSet row = sql.executeQuery("show " + setting)) {
                    row.next();
                    settings.put(setting, row.getString(1));
                }
            }
        }
        return settings;
    }
}
