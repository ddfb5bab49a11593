package kz.appeals.systemtests;

import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Analytics is a pure function of the events: the packaged service, rebuilt from offset zero by the procedure of
 * docs/operations.md ("Rebuild analytics") — a start that replays history in bulk —, publishes the same open data
 * and holds the same inbox as its consumers computed live from whatever earlier
 * modules' tests left on the shared broker — appeals in every order, duplicates, redirects, escalations, reopenings.
 */
class AnalyticsRebuildIT {

    private static final String GROUP = "analytics-service";
    private static final List<String> CONSUMED = List.of(Topics.INTAKE, Topics.ROUTING, Topics.RESPONSE,
            Topics.ESCALATION, Topics.TERRITORY);
    /** Three years, the longest period the API accepts, around the fixed dates the module tests register on. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
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
        // the live computation: the consumers apply history record by record
        analytics = started(Map.of("APPEALS_ANALYTICS_HISTORY_REPLAY_ENABLED", "false"));
        UUID redirectedAppeal = UUID.randomUUID();
        UUID redirect = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            publishRedirectedAppeal(probe, redirectedAppeal, redirect);
        }
        KafkaProbe.awaitCaughtUp(GROUP, CONSUMED, Duration.ofMinutes(5));
        String live = given().get(analytics.baseUrl() + EXPORT).then().statusCode(200).extract().asString();
        List<Object> rows = io.restassured.path.json.JsonPath.from(live).getList("$");
        assertTrue(rows.size() > 10, "the live computation has rural districts to compare: " + rows.size());
        long liveDeliveries = inboxRows();
        assertEquals(1, redirectedCount(redirectedAppeal));
        analytics.close();

        try (Connection db = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "analytics", "analytics");
             Statement sql = db.createStatement()) {
            sql.execute("truncate appeal_fact, territorial_unit");
            sql.execute("delete from inbox_event where consumer = '" + GROUP + "'");
        }
        forgetOffsets();

        // the rebuild: an empty analytics replays history in bulk before its consumers start
        analytics = started(Map.of());
        KafkaProbe.awaitCaughtUp(GROUP, CONSUMED, Duration.ofMinutes(5));
        String metrics = given().get(analytics.baseUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*appeals_analytics_history_replay_records_total\\{[^}]*outcome=\"applied\""
                + "[^}]*} [1-9].*"), "the start replayed history in bulk");
        String rebuilt = given().get(analytics.baseUrl() + EXPORT).then().statusCode(200).extract().asString();
        assertEquals(live, rebuilt);
        assertEquals(liveDeliveries, inboxRows(), "the rebuild recorded every delivery the consumers had");

        // the consumers go on from where the replay stopped, and know what it applied: a redelivered redirect
        // (the outbox relay resends after a crash) does not count twice
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            send(probe, redirected(redirectedAppeal), redirect);
        }
        KafkaProbe.awaitCaughtUp(GROUP, CONSUMED, Duration.ofMinutes(2));
        assertEquals(1, redirectedCount(redirectedAppeal));
        assertEquals(liveDeliveries, inboxRows());
    }

    private static ServiceProcess started(Map<String, String> environment) throws Exception {
        ServiceProcess service = new ServiceProcess("analytics", 27185, environment).start();
        service.awaitReady(Duration.ofSeconds(120));
        return service;
    }

    private static void publishRedirectedAppeal(KafkaProbe probe, UUID appeal, UUID redirect) {
        Instant at = Instant.parse("2026-11-23T04:12:00Z");
        send(probe, new Submitted(appeal, "KZ-REBUILD", AppealType.APPLICATION, "roads", "Pothole", Language.ru,
                new Location(null, 51.2, 71.4, null), "egov", "cd".repeat(32), false, 0, at, DAY, at),
                UUID.randomUUID());
        send(probe, new Routed(appeal, "KZ-REBUILD", body("351621100"), "351621100", "351600000", "350000000",
                RoutingMethod.COORDINATES, "by coordinates", AppealType.APPLICATION, "roads", "Pothole",
                Language.ru, DAY, at.plusSeconds(1), List.of(), null), UUID.randomUUID());
        send(probe, redirected(appeal), redirect);
    }

    private static Redirected redirected(UUID appeal) {
        return new Redirected(appeal, "KZ-REBUILD", body("351621100"), body("351622100"), "351622100", "351600000",
                "350000000", RoutingMethod.MANUAL, "the road belongs to the neighbours", AppealType.APPLICATION,
                "roads", "Pothole", Language.ru, DAY, Instant.parse("2026-11-24T04:00:00Z"));
    }

    private static Body body(String ruralDistrict) {
        return new Body("rural-akim:" + ruralDistrict, BodyLevel.RURAL_DISTRICT, ruralDistrict, "Әкім аппараты",
                "Аппарат акима");
    }

    private static void send(KafkaProbe probe, AppealEvent event, UUID eventId) {
        EventType type = EventType.of(event.getClass());
        try {
            probe.send(type.topic(), event.subject(), KafkaProbe.cloudEventHeaders(type, eventId, event.subject()),
                    ContractJson.mapper().writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long inboxRows() throws Exception {
        return single("select count(*) from inbox_event where consumer = '" + GROUP + "'");
    }

    private static long redirectedCount(UUID appeal) throws Exception {
        return single("select redirected_count from appeal_fact where appeal_id = '" + appeal + "'");
    }

    private static long single(String query) throws Exception {
        try (Connection db = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "analytics", "analytics");
             Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getLong(1);
        }
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
