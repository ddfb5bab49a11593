package kz.appeals.response.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.appeals.testing.Eventually.eventually;
import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.DAY;
import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.receipt;
import static kz.appeals.response.support.RoutingFixtures.redirected;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing and escalation events from the real test broker, applied to the real test database. */
@QuarkusTest
class LifecycleConsumersTest {

    private static KafkaProbe sender;

    @Inject
    AgroalDataSource dataSource;

    @BeforeAll
    static void openProbe() {
        sender = new KafkaProbe(Topics.ROUTING);
    }

    @AfterAll
    static void closeProbe() {
        sender.close();
    }

    @Test
    void aRoutedAppealAppearsInItsOfficesInboxOnly() {
        String office = newOfficeKato();
        String otherOffice = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        Routed event = routed(appealId, office);
        send(sender, event);

        eventually(() -> as(office).get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(appealId.toString()))
                .body("items[0].receiptNumber", equalTo(event.receiptNumber()))
                .body("items[0].status", equalTo("ROUTED"))
                .body("items[0].categoryCode", equalTo("roads"))
                .body("items[0].appealType", equalTo("APPLICATION"))
                .body("items[0].language", equalTo("ru"))
                .body("items[0].description", equalTo(event.description()))
                .body("items[0].registrationDay", equalTo(DAY.toString()))
                .body("items[0].bodyCode", equalTo("rural-akim:" + office)));

        as(otherOffice).get("/api/v1/inbox").then().statusCode(200).body("items", empty()).body("totalItems", equalTo(0));
        as(otherOffice).get("/api/v1/appeals/{id}", appealId).then().statusCode(404);
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("bodyKato", equalTo(office))
                .body("ruralDistrictKato", equalTo(office))
                .body("allowedActions", contains("ACKNOWLEDGE", "ANSWER", "REDIRECT"))
                .body("history", hasSize(1))
                .body("history[0].fromStatus", nullValue())
                .body("history[0].toStatus", equalTo("ROUTED"))
                .body("history[0].action", equalTo("ROUTED"))
                .body("history[0].actor", equalTo("/kz/appeals/test"))
                .body("history[0].reason", equalTo(event.reason()));
    }

    @Test
    void aRepeatedDeliveryTakesEffectOnce() throws SQLException {
        String office = newOfficeKato();
        String newOffice = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        Routed event = routed(appealId, office);
        UUID eventId = send(sender, event);
        send(sender, event, eventId);
        // The same decision republished under another id must not count twice either.
        send(sender, event);
        // Same key, so same partition: once this one is applied, the three before it have been too.
        UUID last = send(sender, redirected(appealId, office, newOffice, event.occurredAt().plusSeconds(60)));
        eventually(() -> assertTrue(processed(last)));

        assertEquals(1, count("select count(*) from inbox_event where consumer = 'response-service' and event_id = ?",
                eventId));
        assertEquals(1, count("select count(*) from appeal where appeal_id = ?", appealId));
        as(office).get("/api/v1/inbox").then().statusCode(200).body("items", empty());
        as(newOffice).get("/api/v1/inbox").then().statusCode(200).body("items.appealId", contains(appealId.toString()));
        as(newOffice).get("/api/v1/appeals/{id}/audit", appealId).then().statusCode(200)
                .body("action", contains("ROUTED", "REDIRECTED"))
                .body("bodyCode", contains("rural-akim:" + office, "rural-akim:" + newOffice));
    }

    @Test
    void aRoutedEventOvertakenByTheRedirectDoesNotMoveTheAppealBack() {
        String first = newOfficeKato();
        String second = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        Instant routedAt = now();
        send(sender, redirected(appealId, first, second, routedAt.plusSeconds(5)));
        UUID late = send(sender, routed(appealId, first, DAY, receipt(), routedAt));
        eventually(() -> assertTrue(processed(late)));

        as(second).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("bodyCode", equalTo("rural-akim:" + second))
                .body("history.action", contains("REDIRECTED"));
        as(first).get("/api/v1/appeals/{id}", appealId).then().statusCode(404);
    }

    @Test
    void aRedirectArrivingAgainAfterTheNewBodyAnsweredIsIgnored() {
        String first = newOfficeKato();
        String second = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        send(sender, routed(appealId, first));
        awaitAppeal(first, appealId);
        as(first).contentType("application/json").body(Map.of("reason", "Water supply is the utility's"))
                .post("/api/v1/appeals/{id}/redirect", appealId).then().statusCode(200);
        var redirect = redirected(appealId, first, second, now());
        send(sender, redirect);
        awaitAppeal(second, appealId);
        as(second).contentType("application/json")
                .body(Map.of("outcome", "SATISFIED", "text", "Repaired", "language", "kk"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200);

        UUID again = send(sender, redirect);
        eventually(() -> assertTrue(processed(again)));
        as(second).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("history.action", contains("ROUTED", "REDIRECT", "REDIRECTED", "ANSWER"));
    }

    @Test
    void anEscalationBeforeTheRoutingIsKeptAndTheBodyCanStillAnswer() {
        String office = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        var escalation = escalated(appealId, office, now());
        UUID escalationId = send(sender, escalation);
        send(sender, escalation);
        eventually(() -> assertTrue(processed(escalationId)));
        send(sender, routed(appealId, office));
        awaitAppeal(office, appealId);

        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("escalations", hasSize(1))
                .body("escalations[0].fromBodyCode", equalTo("rural-akim:" + office))
                .body("escalations[0].toBodyCode", equalTo(escalation.toBody().code()))
                .body("escalations[0].toBodyLevel", equalTo("DISTRICT_AKIMAT"));
        as(office).queryParam("escalated", "true").get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(appealId.toString()));
        as(office).contentType("application/json")
                .body(Map.of("outcome", "EXPLAINED", "text", "Scheduled for spring", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
    }

    /**
     * After an administrator loads a calendar year, the escalation service publishes the due dates it moved: the
     * office's inbox shows the new one for the term it recalculated, and ignores one for a term it does not show
     * (another body's: here, had it been taken, the right one would no longer match what the appeal shows).
     */
    @Test
    void aDueDateACalendarLoadMovedReplacesTheOneTheOfficeSees() {
        String office = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        send(sender, routed(appealId, office));
        awaitAppeal(office, appealId);
        LocalDate shown = LocalDate.parse(as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .extract().path("dueDate"));
        LocalDate moved = WorkingCalendar.bundled().addWorkingDays(shown, 1);

        send(sender, new DueDateRecalculated(appealId, "rural-akim:" + newOfficeKato(), BodyLevel.RURAL_DISTRICT, 1,
                shown, moved.plusDays(7), moved.getYear(), now()));
        send(sender, new DueDateRecalculated(appealId, "rural-akim:" + office, BodyLevel.RURAL_DISTRICT, 1, shown,
                moved, moved.getYear(), now()));

        eventually(() -> as(office).get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(appealId.toString()))
                .body("items[0].dueDate", equalTo(moved.toString())));
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("dueDate", equalTo(moved.toString()));
    }

    @Test
    void recordsThatCanNeverBeAppliedGoToTheDeadLetterTopicAndTheNextOneIsProcessed() {
        String office = newOfficeKato();
        UUID appealId = UUID.randomUUID();
        String key = appealId.toString();
        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            sender.send(Topics.ROUTING, key, KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), key),
                    "{not json");
            sender.send(Topics.ROUTING, key, KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), key),
                    "{\"appealId\":\"" + key + "\",\"receiptNumber\":\"R-1\"}");
            // Same key, so same partition, queued behind the two broken records.
            send(sender, routed(appealId, office));

            List<ConsumerRecord<String, String>> parked = awaitUnchecked(deadLetters, key, 2);
            assertTrue(parked.stream().allMatch(record -> KafkaProbe.header(record, "dead-letter-reason") != null));
            String contractReason = KafkaProbe.header(parked.get(1), "dead-letter-reason");
            assertTrue(contractReason.contains("violates"), contractReason);
        }
        awaitAppeal(office, appealId);
    }

    /** KafkaProbe.await checks the data against the schema, which a dead letter by definition fails. */
    private static List<ConsumerRecord<String, String>> awaitUnchecked(KafkaProbe probe, String key, int expected) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        return eventually(() -> {
            probe.collect(Duration.ofMillis(300)).stream().filter(record -> key.equals(record.key())).forEach(seen::add);
            assertTrue(seen.size() >= expected, "dead letters so far: " + seen.size());
            return seen;
        });
    }

    private boolean processed(UUID eventId) {
        try {
            return count("select count(*) from inbox_event where consumer = 'response-service' and event_id = ?",
                    eventId) == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
