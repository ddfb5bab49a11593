package kz.appeals.systemtests;

import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Analytics is a pure function of the events: the packaged service, rebuilt from offset zero by the procedure of
 * docs/operations.md ("Rebuild analytics"), publishes the same open data it computed live from whatever earlier
 * modules' tests left on the shared broker — appeals in every order, duplicates, redirects, escalations, reopenings.
 */
class AnalyticsRebuildIT {

    private static final String GROUP = "analytics-service";
    private static final List<String> CONSUMED = List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE,
            Topics.ESCALATION, Topics.TERRITORY);
    /** Three years, the longest period the API accepts, around the fixed dates the module tests register on. */
    private static final String EXPORT = "/api/v1/open-data/rural-districts.json?from=2024-06-01&to=2027-05-31";

    private ServiceProcess analytics;

    @AfterEach
    void stop() throws Exception {
        if (analytics != null) {
            analytics.close();
        }
    }

    @Test
    void rebuildingFromOffsetZeroGivesTheNumbersComputedLive() throws Exception {
        analytics = started();
        KafkaProbe.awaitCaughtUp(GROUP, CONSUMED, Duration.ofMinutes(5));
        String live = given().get(analytics.baseUrl() + EXPORT).then().statusCode(200).extract().asString();
        List<Object> rows = io.restassured.path.json.JsonPath.from(live).getList("$");
        assertTrue(rows.size() > 10, "the live computation has rural districts to compare: " + rows.size());
        analytics.close();

        try (Connection db = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "analytics", "analytics");
             Statement sql = db.createStatement()) {
            sql.execute("truncate appeal_fact, territorial_unit");
            sql.execute("delete from inbox_event where consumer = '" + GROUP + "'");
        }
        forgetOffsets();

        analytics = started();
        KafkaProbe.awaitCaughtUp(GROUP, CONSUMED, Duration.ofMinutes(5));
        String rebuilt = given().get(analytics.baseUrl() + EXPORT).then().statusCode(200).extract().asString();
        assertEquals(live, rebuilt);
    }

    private static ServiceProcess started() throws Exception {
        ServiceProcess service = new ServiceProcess("analytics", 48085).start();
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    /**
     * Deleting the group's committed offsets sends it back to auto.offset.reset=earliest, what the operator's
     * reset to the earliest offsets does. The stopped service's members may take a moment to leave the group.
     */
    private static void forgetOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.KAFKA_BOOTSTRAP))) {
            Instant deadline = Instant.now().plusSeconds(60);
            List<Throwable> refusals = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                try {
                    admin.deleteConsumerGroups(List.of(GROUP)).all().get();
                    return;
                } catch (ExecutionException stillActive) {
                    refusals.add(stillActive.getCause());
                    Thread.sleep(1000);
                }
            }
            throw new AssertionError("group " + GROUP + " could not be reset: " + refusals);
        }
    }
}
