package kz.appeals.bench.intake;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a running JVM spent its CPU during the measured phase: a Java Flight Recorder recording started and stopped
 * in it with {@code jcmd} (JFR's default settings, a sample every 20 ms per running thread, which cost little; the
 * "profile" settings took several times the CPU per request here), its execution samples put into the layers of a
 * submission (see {@link #layer}).
 */
final class CpuProfile {

    /** Layer name, then the class-name prefixes that put a sample in it. */
    private static final List<Map.Entry<String, List<String>>> LAYERS = List.of(
            Map.entry("JWT signature check (RSA, BigInteger)", List.of("java.math.BigInteger")),
            Map.entry("JWT parsing and claims", List.of("io.smallrye.jwt", "org.jose4j")),
            Map.entry("Kafka consumers and producer threads", List.of("org.apache.kafka")),
            Map.entry("personal-data encryption and pseudonyms", List.of("javax.crypto", "com.sun.crypto")),
            Map.entry("bean validation", List.of("org.hibernate.validator")),
            Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson")),
            Map.entry("JDBC driver (statements, round trips)", List.of("org.postgresql")),
            Map.entry("connection pool and transactions", List.of("io.agroal", "com.arjuna", "io.quarkus.narayana")),
            Map.entry("Hibernate ORM (besides JDBC)", List.of("org.hibernate")),
            Map.entry("tracing and metrics", List.of("io.opentelemetry", "io.micrometer")),
            Map.entry("logging", List.of("org.jboss.logmanager", "org.jboss.logging")),
            Map.entry("intake's own code", List.of("kz.appeals")),
            Map.entry("HTTP (Vert.x, Netty, RESTEasy)", List.of("io.vertx", "io.netty", "org.jboss.resteasy",
                    "io.quarkus.vertx", "io.quarkus.resteasy")));
    /** Class-name prefix → activity; the relay first, as "Outbox" is a prefix of "OutboxRelay". */
    private static final List<Map.Entry<String, String>> ACTIVITIES = List.of(
            Map.entry("kz.appeals.platform.outbox.OutboxRelay", "outbox relay (its reads, Kafka sends, marks)"),
            Map.entry("kz.appeals.platform.outbox.Outbox", "outbox write (the group commit's events, their JSON)"));
    private static final String OTHER = "other (JDK, CDI, scheduling)";

    private final long pid;
    private final Path recording;

    private CpuProfile(long pid, Path recording) {
        this.pid = pid;
        this.recording = recording;
    }

    static CpuProfile start(long pid, Path recording) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench-intake", "settings=default", "filename=" + recording.toAbsolutePath());
        return new CpuProfile(pid, recording);
    }

    /** Stops the recording and sums its samples: layer → share of samples, in percent, largest first. */
    Map<String, Object> stop() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench-intake");
        Map<String, Long> counts = new LinkedHashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                    counts.merge(layer(event.getStackTrace().getFrames()), 1L, Long::sum);
                    samples++;
                }
            }
        }
        Map<String, Object> shares = new LinkedHashMap<>();
        long total = Math.max(1, samples);
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), Math.round(e.getValue() * 1000.0 / total) / 10.0));
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("recording", recording.toString());
        profile.put("samples", samples);
        profile.put("percentOfSamples", shares);
        return profile;
    }

    /**
     * The outbox relay and the outbox write are activities of their own wherever their stacks lead (the write, in
     * the group commit, serialises each event and inserts the group's rows in one statement: both count here); any
     * other sample belongs to the layer of its innermost frame that is in one (JDK frames outside every layer are
     * passed over), because interceptors (transactions, tracing, security) sit on nearly every request's stack and
     * would otherwise claim them all.
     */
    private static String layer(List<RecordedFrame> frames) {
        for (Map.Entry<String, String> activity : ACTIVITIES) {
            for (RecordedFrame frame : frames) {
                if (frame.getMethod().getType().getName().startsWith(activity.getKey())) {
                    return activity.getValue();
                }
            }
        }
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> layer : LAYERS) {
                if (layer.getValue().stream().anyMatch(type::startsWith)) {
                    return layer.getKey();
                }
            }
        }
        return OTHER;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
