package kz.appeals.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.appeals.testing.TestInfrastructure;

/**
 * One packaged service ({@code target/quarkus-app/quarkus-run.jar}) run as a real operating-system process
 * against the test PostgreSQL and Kafka, configured only through the environment variables that
 * docker-compose.yml and k8s/ also use.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("appeals.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Map<String, String> extraEnvironment;
    private Process process;

    ServiceProcess(String name, int port, Map<String, String> extraEnvironment) {
        this.name = name;
        this.port = port;
        this.extraEnvironment = extraEnvironment;
    }

    ServiceProcess(String name, int port) {
        this(name, port, Map.of());
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Everything the process wrote, across runs of this module (the file is appended to). */
    List<String> logLines() throws IOException {
        return Files.readAllLines(ROOT.resolve("system-tests/target/service-logs/" + name + ".log"));
    }

    ServiceProcess start() throws IOException {
        Path jar = ROOT.resolve(name + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Not packaged: " + jar + " (run ./mvnw package first)");
        }
        Path logs = ROOT.resolve("system-tests/target/service-logs");
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString()))
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
        Map<String, String> environment = new HashMap<>();
        String schema = name;
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", TestInfrastructure.JDBC_URL);
        environment.put("QUARKUS_DATASOURCE_USERNAME", schema);
        environment.put("QUARKUS_DATASOURCE_PASSWORD", schema);
        environment.put("KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.KAFKA_BOOTSTRAP);
        environment.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "file:" + ROOT.resolve("test-support/src/main/resources/test-keys/jwt-public.pem"));
        environment.put("MP_JWT_VERIFY_ISSUER", "https://appeals.local/issuer");
        if (name.equals("intake")) {
            environment.put("APPEALS_PSEUDONYM_KEY", "system-test-pseudonym-key");
        }
        environment.putAll(extraEnvironment);
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see "
                        + "system-tests/target/service-logs/" + name + ".log");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + timeout);
    }

    /** SIGKILL: no shutdown hook, no graceful drain — what a crash or an OOM kill does. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM without waiting: several services shut down at once, each then {@link #close}d. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
