package kz.appeals.routing.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import kz.appeals.testing.StatementLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A polled batch of new appeals applied together, through the consumer, against the real database and broker: the
 * same rows and events as the same deliveries applied one poll each, at one statement per table, and a poison event
 * parked alone. Each scenario uses a category of its own, so no other test's open appeals join its issues. Write
 * statements are counted by statement-level triggers this test installs (and removes) on the three tables.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedRoutingTest {

    private static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));
    /** The SAMPLE settlement of another rural district, where no test routes anything else. */
    private static final String OTHER_SETTLEMENT = "991023002";

    @Inject
    AppealEventsConsumer consumer;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    private long offset = 5_000_000;

    @BeforeEach
    void loadSampleTerritory() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200);
    }

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_routing_log", "routed_appeal", "outbox_event", "inbox_event");
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    @Test
    void aBatchGivesTheRowsAndEventsOfOneByOneRoutingAtOneStatementPerTable() throws Exception {
        Scenario together = new Scenario();
        together.routeStoredAppeals();
        consumer.onAppealEvents(poll(together.batch()));

        Scenario oneByOne = new Scenario();
        oneByOne.routeStoredAppeals();
        for (ConsumerRecord<String, String> record : oneByOne.batch()) {
            consumer.onAppealEvents(poll(List.of(record)));
        }

        Map<String, String> rows = together.rows();
        assertEquals(oneByOne.rows(), rows, "rows, together and one by one");
        assertEquals(oneByOne.events(), together.events(), "events, together and one by one");

        // what one-by-one routing gives, spelled out: issues are named after the first appeal in them
        Map<String, String> issues = together.issueLabels();
        assertEquals("P", issues.get("A1"), "A1 lies 167 m from the stored P");
        assertEquals("P", issues.get("A2"), "A2 lies 222 m from A1 of the same batch, 389 m from P");
        assertEquals("P", issues.get("A11"), "A11 has a KATO code and a point 22 m from P: the point decides");
        assertEquals("A3", issues.get("A3"), "A3 lies 2 km from everything before it");
        assertEquals("A3", issues.get("A4"), "A4 lies 50 m from A3 of the same batch");
        assertEquals("R", issues.get("A5"), "A5 has only the settlement of the stored R");
        assertEquals("R", issues.get("A12"), "the stored R is earlier than A5 and A11 of the batch");
        assertEquals("A6", issues.get("A6"));
        assertEquals("A6", issues.get("A7"), "A7 has only the settlement of A6 of the same batch");
        assertNull(issues.get("A8"), "an appeal waiting for triage is in no issue");
        assertTrue(rows.get("A8").startsWith("NEEDS_TRIAGE"), rows.get("A8"));
        List<String> events = together.events();
        assertEquals(14, events.size(), "one event per appeal, none for R, A1 and A4 delivered again: " + events);
        assertEquals(14, events.stream().map(event -> event.substring(0, event.indexOf(' '))).distinct().count(),
                "one event per appeal: " + events);

        // the batch: one transaction, one statement per table
        String transaction = together.batchTransaction();
        assertEquals(Map.of("inbox_event INSERT", 1L, "routed_appeal INSERT", 1L, "outbox_event INSERT", 1L),
                statements.statementsOf(transaction), "write statements of the batch's transaction");
    }

    @Test
    void aPoisonEventInABatchIsParkedAloneAndItsNeighboursAreRoutedOnce() throws Exception {
        String category = newCategory();
        UUID before = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // PostgreSQL cannot store a NUL character: the insert of the batch's rows fails, and so would this one alone
        AppealEvents.Submitted unstorable = submitted(poison, category, point(48.7, 69.1));
        unstorable = new AppealEvents.Submitted(poison, unstorable.receiptNumber(), unstorable.appealType(),
                category, "Жол\0 жөндеу", unstorable.language(), unstorable.location(), unstorable.channel(),
                unstorable.applicantRef(), false, 0, unstorable.registeredAt(), unstorable.registrationDay(),
                unstorable.occurredAt());
        List<ConsumerRecord<String, String>> poll = List.of(
                record(submitted(before, category, point(48.7, 69.1)), UUID.randomUUID()),
                record(unstorable, UUID.randomUUID()),
                record(submitted(after, category, point(48.7009, 69.1)), UUID.randomUUID()));

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("routing"))) {
            consumer.onAppealEvents(poll(poll));
            ConsumerRecord<String, String> parked = deadLetters.await(r -> poison.toString().equals(r.key()),
                    Duration.ofSeconds(20));
            assertEquals(poll.get(1).value(), parked.value());
            assertTrue(deadLetters.collect(Duration.ofSeconds(1)).stream()
                    .noneMatch(r -> Set.of(before.toString(), after.toString()).contains(r.key())),
                    "only the poison event is parked");
        }
        Map<UUID, UUID> issues = issuesOf(List.of(before, poison, after));
        assertEquals(Set.of(before, after), issues.keySet(), "routed appeals");
        assertEquals(issues.get(before), issues.get(after), "after lies 100 m from before, routed before it");
        for (UUID appeal : List.of(before, after)) {
            assertEquals(List.of(EventType.ROUTED.wireName()), eventTypesOf(appeal), "events of " + appeal);
        }
        assertEquals(List.of(), eventTypesOf(poison));
        assertEquals(0, count("select count(*) from inbox_event where event_id = ?",
                UUID.fromString(KafkaProbe.header(poll.get(1), "ce_id"))), "the parked event is not in the inbox");
    }

    /** One loop reads both topics: a poll with a new appeal and an office's answer applies both in one transaction. */
    @Test
    void aPollOfSubmissionsAndOfficesEventsIsAppliedInOneTransaction() throws Exception {
        String category = newCategory();
        UUID answered = UUID.randomUUID();
        UUID submitted = UUID.randomUUID();
        consumer.onAppealEvents(poll(List.of(record(submitted(answered, category, point(48.72, 69.3)),
                UUID.randomUUID()))));
        String body = "rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT;

        consumer.onAppealEvents(poll(List.of(
                record(answer(answered, body, Instant.now())),
                record(submitted(submitted, category, point(48.69, 69.3)), UUID.randomUUID()))));

        Map<UUID, Boolean> open = new HashMap<>();
        List<String> transactions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select appeal_id, open, xmin::text from routed_appeal where appeal_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", new Object[]{answered, submitted}));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    open.put(result.getObject(1, UUID.class), result.getBoolean(2));
                    transactions.add(result.getString(3));
                }
            }
        }
        assertEquals(Map.of(answered, false, submitted, true), open);
        assertEquals(1, transactions.stream().distinct().count(), "one transaction: " + transactions);
    }

    /**
     * Answers and reopenings of a poll are one update, the last of an appeal's counting; an answer to an appeal
     * routing does not know changes nothing. Only open appeals lend their issue to new ones.
     */
    @Test
    void answersAndReopeningsOfAPollAreOneUpdateInWhichTheLastOfAnAppealsCounts() throws Exception {
        String category = newCategory();
        UUID reopened = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        UUID reopenedThenAnswered = UUID.randomUUID();
        Map<UUID, Location> places = Map.of(reopened, point(48.75, 69.2), answered, point(48.78, 69.2),
                reopenedThenAnswered, point(48.81, 69.2));
        places.forEach((appeal, place) -> consumer.onAppealEvents(
                poll(List.of(record(submitted(appeal, category, place), UUID.randomUUID())))));
        String body = "rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT;
        Instant now = Instant.now();

        consumer.onAppealEvents(poll(List.of(
                record(answer(reopened, body, now)),
                record(answer(answered, body, now)),
                record(new AppealEvents.Reopened(reopenedThenAnswered, body, "Яма снова появилась", 2, now)),
                record(new AppealEvents.Reopened(reopened, body, "Яма снова появилась", 2, now)),
                record(answer(UUID.randomUUID(), body, now)),
                record(answer(reopenedThenAnswered, body, now)))));

        Map<UUID, Boolean> open = new HashMap<>();
        List<String> transactions = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select appeal_id, open, xmin::text from routed_appeal where appeal_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", places.keySet().toArray()));
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    open.put(result.getObject(1, UUID.class), result.getBoolean(2));
                    transactions.add(result.getString(3));
                }
            }
        }
        assertEquals(Map.of(reopened, true, answered, false, reopenedThenAnswered, false), open);
        assertEquals(1, transactions.stream().distinct().count(), "one transaction: " + transactions);
        assertEquals(Map.of("inbox_event INSERT", 1L, "routed_appeal UPDATE", 1L),
                statements.statementsOf(transactions.get(0)), "write statements of the poll's transaction");

        // new appeals 30 m from each: only the open one lends its issue
        Map<UUID, UUID> before = issuesOf(List.copyOf(places.keySet()));
        Map<UUID, UUID> newcomers = new HashMap<>();
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        places.forEach((appeal, place) -> {
            UUID newcomer = UUID.randomUUID();
            newcomers.put(appeal, newcomer);
            batch.add(record(submitted(newcomer, category, point(place.latitude() + 0.0003, place.longitude())),
                    UUID.randomUUID()));
        });
        consumer.onAppealEvents(poll(batch));
        Map<UUID, UUID> after = issuesOf(List.copyOf(newcomers.values()));
        assertEquals(before.get(reopened), after.get(newcomers.get(reopened)), "near the reopened appeal");
        assertTrue(!before.get(answered).equals(after.get(newcomers.get(answered))), "near the answered appeal");
        assertTrue(!before.get(reopenedThenAnswered).equals(after.get(newcomers.get(reopenedThenAnswered))),
                "near the appeal answered last");
    }

    /**
     * Two appeals routed before the batch (P with a point, R with a settlement) and a batch of new ones, several
     * near each other, one routed before (R again under a new event id), one delivered twice (A4) and one
     * submitted twice under two event ids (A1). Roles name the appeals; each scenario has new ids and a category.
     */
    private final class Scenario {

        final String category = newCategory();
        final Map<String, UUID> appeals = new LinkedHashMap<>();

        void routeStoredAppeals() {
            consumer.onAppealEvents(poll(List.of(record(submitted("P", point(48.6, 68.9)), UUID.randomUUID()))));
            consumer.onAppealEvents(poll(List.of(record(submitted("R",
                    new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)), UUID.randomUUID()))));
        }

        List<ConsumerRecord<String, String>> batch() {
            List<ConsumerRecord<String, String>> batch = new ArrayList<>();
            batch.add(record(submitted("A1", point(48.6015, 68.9)), UUID.randomUUID()));
            batch.add(record(submitted("A2", point(48.6035, 68.9)), UUID.randomUUID()));
            batch.add(record(submitted("A3", point(48.62, 68.9)), UUID.randomUUID()));
            ConsumerRecord<String, String> a4 = record(submitted("A4", point(48.6204, 68.9003)), UUID.randomUUID());
            batch.add(a4);
            batch.add(record(submitted("A5", new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)),
                    UUID.randomUUID()));
            batch.add(record(submitted("R", new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)),
                    UUID.randomUUID()));
            batch.add(record(submitted("A6", new Location(OTHER_SETTLEMENT, null, null, null)), UUID.randomUUID()));
            batch.add(record(EventType.SUBMITTED, a4.value(), a4.key(), KafkaProbe.header(a4, "ce_id")));
            batch.add(record(submitted("A7", new Location(OTHER_SETTLEMENT, null, null, null)), UUID.randomUUID()));
            batch.add(record(submitted("A8", new Location("991099001", null, null, "возле старой мельницы")),
                    UUID.randomUUID()));
            batch.add(record(submitted("A1", point(48.6015, 68.9)), UUID.randomUUID()));
            batch.add(record(submitted("A9", point(48.64, 68.95)), UUID.randomUUID()));
            batch.add(record(submitted("A10", new Location(null, null, null, "Sarybulak auyly")),
                    UUID.randomUUID()));
            batch.add(record(submitted("A11", new Location(SampleCitizens.SAMPLE_SETTLEMENT, 48.6002, 68.9, null)),
                    UUID.randomUUID()));
            batch.add(record(submitted("A12", new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)),
                    UUID.randomUUID()));
            return batch;
        }

        AppealEvents.Submitted submitted(String role, Location location) {
            return SetBasedRoutingTest.submitted(appeals.computeIfAbsent(role, r -> UUID.randomUUID()), category,
                    location);
        }

        /** Role → the row's columns, appeal ids and issues by role, the category as C. */
        Map<String, String> rows() throws SQLException {
            Map<String, String> labels = issueLabels();
            Map<String, String> rows = new LinkedHashMap<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("""
                         select appeal_id, concat_ws(' | ', status, body_code, body_level, body_kato, body_name_kk,
                                body_name_ru, method, reason, steps, settlement_kato, excluded_bodies, open,
                                receipt_number, appeal_type, category_code, description, language, kato_code,
                                latitude, longitude, address_text, registration_day)
                         from routed_appeal where appeal_id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", appeals.values().toArray()));
                Map<UUID, String> byId = new HashMap<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        byId.put(result.getObject(1, UUID.class), result.getString(2));
                    }
                }
                appeals.forEach((role, id) -> rows.put(role,
                        byId.get(id).replace(category, "C") + " | issue " + labels.get(role)));
            }
            return rows;
        }

        /** Role → the role of the first appeal (stored ones first, then in delivery order) in the same issue. */
        Map<String, String> issueLabels() throws SQLException {
            Map<UUID, UUID> issues = issuesOf(List.copyOf(appeals.values()));
            Map<UUID, String> firstInIssue = new HashMap<>();
            Map<String, String> labels = new HashMap<>();
            appeals.forEach((role, id) -> {
                UUID issue = issues.get(id);
                if (issue != null) {
                    labels.put(role, firstInIssue.computeIfAbsent(issue, i -> role));
                }
            });
            return labels;
        }

        /** The events about the scenario's appeals in publication order: role, type and data as above. */
        List<String> events() throws SQLException, IOException {
            Map<String, String> labels = issueLabels();
            Map<String, String> roles = new HashMap<>();
            appeals.forEach((role, id) -> roles.put(id.toString(), role));
            List<String> events = new ArrayList<>();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "select aggregateid, type, payload::text from outbox_event where aggregateid = any(?) "
                                 + "order by seq")) {
                select.setArray(1, connection.createArrayOf("varchar",
                        appeals.values().stream().map(UUID::toString).toArray()));
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        String role = roles.get(result.getString(1));
                        ObjectNode data = (ObjectNode) ContractJson.mapper().readTree(result.getString(3));
                        data.remove(List.of("appealId", "decidedAt", "occurredAt"));
                        if (data.hasNonNull("issueId")) {
                            data.put("issueId", labels.get(role));
                        }
                        events.add(role + " " + result.getString(2) + " " + data.toString().replace(category, "C"));
                    }
                }
            }
            return events;
        }

        /** The transaction that wrote the batch's rows (all of them: one commit). */
        String batchTransaction() throws SQLException {
            List<UUID> batchAppeals = appeals.entrySet().stream()
                    .filter(role -> role.getKey().startsWith("A")).map(Map.Entry::getValue).toList();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "select distinct xmin::text from routed_appeal where appeal_id = any(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", batchAppeals.toArray()));
                List<String> transactions = new ArrayList<>();
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        transactions.add(result.getString(1));
                    }
                }
                assertEquals(1, transactions.size(), "transactions that wrote the batch's rows: " + transactions);
                return transactions.get(0);
            }
        }
    }

    private Map<UUID, UUID> issuesOf(List<UUID> appeals) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select appeal_id, issue_id from routed_appeal where appeal_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", appeals.toArray()));
            Map<UUID, UUID> issues = new HashMap<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    issues.put(result.getObject(1, UUID.class), result.getObject(2, UUID.class));
                }
            }
            return issues;
        }
    }

    private List<String> eventTypesOf(UUID appeal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select type from outbox_event where aggregateid = ? order by seq")) {
            select.setString(1, appeal.toString());
            List<String> types = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    types.add(result.getString(1));
                }
            }
            return types;
        }
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private ConsumerRecord<String, String> record(AppealEvents.Submitted submitted, UUID eventId) {
        return record(EventType.SUBMITTED, EventJson.write(submitted), submitted.appealId().toString(),
                eventId.toString());
    }

    private ConsumerRecord<String, String> record(AppealEvents.AppealEvent event) {
        return record(EventType.of(event.getClass()), EventJson.write(event), event.appealId().toString(),
                UUID.randomUUID().toString());
    }

    private ConsumerRecord<String, String> record(EventType type, String json, String key, String eventId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, offset++, key, json);
        KafkaProbe.cloudEventHeaders(type, UUID.fromString(eventId), key)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A poll as the one consumer loop over both topics gets it: each topic's records under its partition. */
    private static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(records.stream().collect(Collectors.groupingBy(
                record -> new TopicPartition(record.topic(), record.partition()), LinkedHashMap::new,
                Collectors.toList())), Map.of());
    }

    private static String newCategory() {
        return "set-based-" + UUID.randomUUID();
    }

    private static AppealEvents.Answered answer(UUID appealId, String body, Instant at) {
        return new AppealEvents.Answered(appealId, body, AppealEvents.Outcome.SATISFIED, Language.kk,
                "Жол жөнделді", 1, "officer-" + SampleCitizens.SAMPLE_RURAL_DISTRICT, at);
    }

    private static Location point(double latitude, double longitude) {
        return new Location(null, latitude, longitude, null);
    }

    private static AppealEvents.Submitted submitted(UUID appealId, String category, Location location) {
        Instant now = Instant.now();
        return new AppealEvents.Submitted(appealId, "KZ26-0000001-X", AppealType.APPLICATION, category,
                "Жол жөндеу керек", Language.kk, location, "egov", "ab".repeat(32), false, 0, now,
                LocalDate.of(2026, 11, 23), now);
    }
}
