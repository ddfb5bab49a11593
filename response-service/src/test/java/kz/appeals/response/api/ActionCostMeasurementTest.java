package kz.appeals.response.api;

import com.sun.management.OperatingSystemMXBean;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.Tokens;
import kz.appeals.testing.KafkaProbe;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static kz.appeals.response.support.RoutingFixtures.applicantRef;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.response.support.RoutingFixtures.submitted;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A measurement, not a benchmark: the office's and the applicant's four actions on many appeals, one after another
 * over HTTP, and the CPU spent per action by the threads that serve the requests (event loops and blocking executor)
 * and by the whole JVM (test client, relay, JIT and GC included). Prints the numbers; asserts only that every action
 * succeeded, never a time.
 */
@QuarkusTest
class ActionCostMeasurementTest {

    private static final Logger LOG = Logger.getLogger(ActionCostMeasurementTest.class);
    private static final int WARM_UP = 300;
    private static final int MEASURED = 300;

    private record Filed(UUID appealId, String applicantRef) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyActionSucceedsAndItsCpuCostIsPrinted() {
        rounds(WARM_UP, false);
        rounds(MEASURED, true);
    }

    private void rounds(int appeals, boolean print) {
        String office = newOfficeKato();
        List<Filed> filed = file(office, appeals);
        // one token per party: signing one per call would be the client's cost, not the service's
        String clerk = Tokens.forOffice(Roles.AKIM_OFFICE, office);
        measure("acknowledge", filed, print, appeal -> given().auth().oauth2(clerk)
                .post("/api/v1/appeals/{id}/acknowledge", appeal.appealId()).statusCode());
        measure("answer", filed, print, appeal -> given().auth().oauth2(clerk).contentType("application/json")
                .body(Map.of("outcome", "REFUSED", "text", "Not this year", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appeal.appealId()).statusCode());
        String frontend = Tokens.forRole(Roles.FRONTEND);
        measure("rate", filed, print, appeal -> citizen(frontend, appeal, Map.of("satisfied", false))
                .post("/api/v1/citizen/appeals/{id}/rating", appeal.appealId()).statusCode());
        measure("reopen", filed, print, appeal -> citizen(frontend, appeal, Map.of("reason", "Still broken"))
                .post("/api/v1/citizen/appeals/{id}/reopen", appeal.appealId()).statusCode());
    }

    private static RequestSpecification citizen(String frontend, Filed appeal, Map<String, Object> body) {
        Map<String, Object> request = new HashMap<>(body);
        request.put("applicantRef", appeal.applicantRef());
        return given().auth().oauth2(frontend).contentType("application/json").body(request);
    }

    private static void measure(String action, List<Filed> filed, boolean print, Function<Filed, Integer> call) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Map<Long, Long> requestThreadsBefore = requestThreadCpu();
        long wallBefore = System.nanoTime();
        for (Filed appeal : filed) {
            assertEquals(200, call.apply(appeal), action + " of " + appeal.appealId());
        }
        double wallMs = (System.nanoTime() - wallBefore) / 1e6 / filed.size();
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6 / filed.size();
        long requestThreadsNanos = requestThreadCpu().entrySet().stream()
                .mapToLong(thread -> thread.getValue() - requestThreadsBefore.getOrDefault(thread.getKey(), 0L))
                .sum();
        double requestMs = requestThreadsNanos / 1e6 / filed.size();
        if (print) {
            LOG.infof("ACTION COST %-11s %d actions: %.2f ms CPU per action on the server's request threads,"
                    + " %.2f ms in the whole JVM (test client, JIT and GC included); %.2f ms wall", action,
                    filed.size(), requestMs, cpuMs, wallMs);
        }
    }

    /** CPU time so far of the threads that serve HTTP requests: the event loops and the blocking executor. */
    private static Map<Long, Long> requestThreadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && (thread.getThreadName().startsWith("executor-thread")
                    || thread.getThreadName().startsWith("vert.x-eventloop"))) {
                cpu.put(thread.getThreadId(), threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return cpu;
    }

    /** Appeals with an applicant in one office's inbox, through the real broker. */
    private List<Filed> file(String office, int count) {
        List<Filed> filed = new ArrayList<>();
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE); KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            for (int i = 0; i < count; i++) {
                Filed appeal = new Filed(UUID.randomUUID(), applicantRef());
                send(intake, submitted(appeal.appealId(), appeal.applicantRef()));
                send(routing, routed(appeal.appealId(), office));
                filed.add(appeal);
            }
        }
        UUID[] ids = filed.stream().map(Filed::appealId).toArray(UUID[]::new);
        eventually(() -> assertEquals(2L * count, stored(ids)));
        return filed;
    }

    /** Appeals plus applicants stored for {@code ids}. */
    private long stored(UUID[] ids) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("""
                     select (select count(*) from appeal where appeal_id = any(?))
                          + (select count(*) from appeal_applicant where appeal_id = any(?))""")) {
            count.setArray(1, connection.createArrayOf("uuid", ids));
            count.setArray(2, connection.createArrayOf("uuid", ids));
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
