package kz.appeals.response.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.inbox.BatchEventHandler;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.StatementLog;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static kz.appeals.response.support.RoutingFixtures.DAY;
import static kz.appeals.response.support.RoutingFixtures.applicantRef;
import static kz.appeals.response.support.RoutingFixtures.district;
import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.json;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.office;
import static kz.appeals.response.support.RoutingFixtures.redirected;
import static kz.appeals.response.support.RoutingFixtures.region;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.submitted;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The lifecycle consumer's batch path ({@link LifecycleEventService#applyAll} through
 * {@link InboxProcessor#processBatchTogether}) against the real database: a poll applied together ends in the rows the
 * same events applied one per transaction end in, written with one statement per table; a poison event costs its
 * batch the fast path, never its neighbours' effects. Statements are counted by statement-level triggers this test
 * installs on the service's tables (removed afterwards), each logging its transaction, table and operation.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedLifecycleTest {

    private static final Set<EventType> LIFECYCLE_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED,
            EventType.ESCALATED, EventType.SUBMITTED);
    private static final List<String> LOGGED_TABLES = List.of("appeal", "appeal_audit", "appeal_escalation",
            "appeal_applicant");
    private static final List<String> APPEALS = List.of("A", "B", "C", "D");

    @Inject
    InboxProcessor inboxProcessor;

    @Inject
    LifecycleEventService lifecycle;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    private long offset = 3_000_000;

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_lifecycle_log", LOGGED_TABLES.toArray(String[]::new));
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    /**
     * Four appeals, each world with ids of its own: A escalated before it is routed (in the same poll), routed,
     * redirected, routed again by a decision the redirect overtook, and its routed event delivered twice; B routed,
     * then escalated twice to the same body; C registered twice with its applicant and routed; D known before the
     * poll, redirected and escalated in it.
     */
    @Test
    void aPollAppliedTogetherEndsInTheRowsOfItsEventsAppliedOneByOne() throws SQLException {
        String office = newOfficeKato();
        String otherOffice = newOfficeKato();
        String applicant = applicantRef();
        Instant t0 = now().minusSeconds(3_600);
        Instant t1 = t0.plusSeconds(600);
        World together = new World("set-based-lifecycle-together");
        World oneByOne = new World("set-based-lifecycle-one-by-one");
        Map<World, Long> versionsOfDBefore = new HashMap<>();
        Map<World, Map<TopicPartition, List<ConsumerRecord<String, String>>>> polls = new HashMap<>();
        for (World world : List.of(together, oneByOne)) {
            inboxProcessor.processBatchTogether(world.consumer(), "lifecycle-events", poll(Map.of(
                    partition(Topics.ROUTING, 0), List.of(world.record(EventType.ROUTED,
                            routed(world.id("D"), otherOffice, DAY, "KZ-D", t0))))), LIFECYCLE_TYPES,
                    lifecycle::applyAll);
            versionsOfDBefore.put(world, version(world.id("D")));

            ConsumerRecord<String, String> routedA = world.record(EventType.ROUTED,
                    routed(world.id("A"), office, DAY, "KZ-A", t0));
            Map<TopicPartition, List<ConsumerRecord<String, String>>> poll = new LinkedHashMap<>();
            poll.put(partition(Topics.ESCALATION, 0), List.of(
                    world.record(EventType.ESCALATED, escalated(world.id("A"), office, t0))));
            poll.put(partition(Topics.ROUTING, 0), List.of(
                    routedA,
                    world.record(EventType.REDIRECTED, redirected(world.id("A"), "KZ-A", office, otherOffice, t1)),
                    world.record(EventType.ROUTED, routed(world.id("A"), office, DAY, "KZ-A", t0)),
                    world.redelivery(routedA),
                    world.record(EventType.ROUTED, routed(world.id("B"), office, DAY, "KZ-B", t0)),
                    world.record(EventType.ROUTED, routed(world.id("C"), otherOffice, DAY, "KZ-C", t0)),
                    world.record(EventType.REDIRECTED, redirected(world.id("D"), "KZ-D", otherOffice, office, t1))));
            poll.put(partition(Topics.ESCALATION, 1), List.of(
                    world.record(EventType.ESCALATED, escalated(world.id("B"), office, t1)),
                    world.record(EventType.ESCALATED, escalated(world.id("B"), office, t1)),
                    world.record(EventType.ESCALATED, escalated(world.id("D"), office, t1))));
            poll.put(partition(Topics.INTAKE, 0), List.of(
                    world.record(EventType.SUBMITTED, submitted(world.id("C"), applicant)),
                    world.record(EventType.SUBMITTED, submitted(world.id("C"), applicant))));
            polls.put(world, poll);
        }

        AtomicReference<String> batchTransaction = new AtomicReference<>();
        BatchEventHandler remembersItsTransaction = events -> {
            batchTransaction.set(currentTransaction());
            lifecycle.applyAll(events);
        };
        inboxProcessor.processBatchTogether(together.consumer(), "lifecycle-events", poll(polls.get(together)),
                LIFECYCLE_TYPES, remembersItsTransaction);
        for (List<ConsumerRecord<String, String>> partition : polls.get(oneByOne).values()) {
            for (ConsumerRecord<String, String> record : partition) {
                inboxProcessor.processBatchTogether(oneByOne.consumer(), "lifecycle-events",
                        poll(Map.of(new TopicPartition(record.topic(), record.partition()), List.of(record))),
                        LIFECYCLE_TYPES, lifecycle::applyAll);
            }
        }

        assertEquals(Map.of("appeal INSERT", 1L, "appeal UPDATE", 1L, "appeal_audit INSERT", 1L,
                        "appeal_escalation INSERT", 1L, "appeal_applicant INSERT", 1L),
                statements.statementsOf(batchTransaction.get()), "statements of the poll's transaction");
        assertEquals(oneByOne.rows(), together.rows(), "rows after one poll, against one event per transaction");
        // the version counts writes, not state: one for the poll, one per changing event one by one
        assertEquals(versionsOfDBefore.get(together) + 1, version(together.id("D")), "D's version after the poll");
        assertEquals(versionsOfDBefore.get(oneByOne) + 2, version(oneByOne.id("D")), "D's version one by one");

        Map<String, List<List<Object>>> rows = together.rows();
        assertEquals(List.of(List.of("rural-akim:" + otherOffice, "ROUTED", true)), rows.get("appeal A"));
        assertEquals(List.of(List.of("rural-akim:" + office, "ROUTED", true)), rows.get("appeal B"));
        assertEquals(List.of(List.of("rural-akim:" + otherOffice, "ROUTED", false)), rows.get("appeal C"));
        assertEquals(List.of(List.of("rural-akim:" + office, "ROUTED", true)), rows.get("appeal D"));
        assertEquals(List.of("ROUTED", "REDIRECTED"), actions(rows.get("audit A")));
        assertEquals(List.of("ROUTED"), actions(rows.get("audit B")));
        assertEquals(List.of("ROUTED"), actions(rows.get("audit C")));
        assertEquals(List.of("ROUTED", "REDIRECTED"), actions(rows.get("audit D")));
        assertEquals(1, rows.get("escalations A").size());
        assertEquals(1, rows.get("escalations B").size(), "the same escalation twice is kept once");
        assertEquals(1, rows.get("escalations D").size());
        assertEquals(List.of(List.of(applicant)), rows.get("applicant C"));
        assertEquals(List.of(List.of(Date.valueOf(DAY.plusDays(49)))),
                select("select due_date from appeal where appeal_id = ?", together.id("B")),
                "B takes the due date escalation published");
        for (String appeal : APPEALS) {
            assertEquals(List.of(), rows.get("outbox " + appeal), "events published for " + appeal);
        }
    }

    /**
     * A reason PostgreSQL cannot store (a NUL character, valid in the contract's JSON) fails the poll's audit
     * statement after its appeal statement ran: the poll's transaction rolls back, each event is applied alone, the
     * poison one is parked, and its neighbours' rows are there once.
     */
    @Test
    void aPoisonEventIsParkedAndItsNeighboursTakeEffectOnce() throws SQLException {
        World world = new World("set-based-lifecycle-poison");
        String office = newOfficeKato();
        Instant at = now();
        Routed poison = new Routed(world.id("B"), "KZ-B", office(office), office, district(office), region(office),
                RoutingMethod.KATO, "Settlement\u0000 is in the district", AppealType.APPLICATION, "roads",
                "Pothole near school No. 2", Language.ru, DAY, at);
        ContractValidator.assertValid(poison);
        Map<TopicPartition, List<ConsumerRecord<String, String>>> poll = new LinkedHashMap<>();
        poll.put(partition(Topics.ROUTING, 0), List.of(
                world.record(EventType.ROUTED, routed(world.id("A"), office, DAY, "KZ-A", at)),
                world.record(EventType.ROUTED, poison),
                world.record(EventType.ROUTED, routed(world.id("C"), office, DAY, "KZ-C", at))));
        poll.put(partition(Topics.ESCALATION, 0), List.of(
                world.record(EventType.ESCALATED, escalated(world.id("A"), office, at))));

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            inboxProcessor.processBatchTogether(world.consumer(), "lifecycle-events", poll(poll), LIFECYCLE_TYPES,
                    lifecycle::applyAll);

            Set<String> keys = Set.of(world.id("A").toString(), world.id("B").toString(), world.id("C").toString());
            List<String> parked = eventually(() -> {
                List<String> seen = deadLetters.collect(Duration.ofMillis(500)).stream()
                        .map(ConsumerRecord::key).filter(keys::contains).toList();
                assertFalse(seen.isEmpty());
                return seen;
            });
            assertEquals(List.of(world.id("B").toString()), parked, "parked");
        }
        Map<String, List<List<Object>>> rows = world.rows();
        assertEquals(List.of(List.of("rural-akim:" + office, "ROUTED", true)), rows.get("appeal A"));
        assertEquals(List.of("ROUTED"), actions(rows.get("audit A")));
        assertEquals(1, rows.get("escalations A").size());
        assertEquals(List.of(), rows.get("appeal B"), "the poison event's appeal statement was rolled back");
        assertEquals(List.of(), rows.get("audit B"));
        assertEquals(List.of(List.of("rural-akim:" + office, "ROUTED", false)), rows.get("appeal C"));
        assertEquals(List.of("ROUTED"), actions(rows.get("audit C")));
    }

    /** One run of the events, under a consumer name and appeal ids of its own. */
    private final class World {

        private final String consumer;
        private final Map<String, UUID> ids = new HashMap<>();

        World(String consumer) {
            // a run of its own: a consumer's inbox is never shared with an earlier run
            this.consumer = consumer + "-" + UUID.randomUUID().toString().substring(0, 8);
            APPEALS.forEach(name -> ids.put(name, UUID.randomUUID()));
        }

        String consumer() {
            return consumer;
        }

        UUID id(String appeal) {
            return ids.get(appeal);
        }

        ConsumerRecord<String, String> record(EventType type, AppealEvent event) {
            return record(type, event, UUID.randomUUID());
        }

        /** The same event again, as a relay's republish delivers it. */
        ConsumerRecord<String, String> redelivery(ConsumerRecord<String, String> delivered) {
            ConsumerRecord<String, String> again = new ConsumerRecord<>(delivered.topic(), delivered.partition(),
                    offset++, delivered.key(), delivered.value());
            delivered.headers().forEach(header -> again.headers().add(header));
            return again;
        }

        private ConsumerRecord<String, String> record(EventType type, AppealEvent event, UUID eventId) {
            ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, offset++,
                    event.subject(), json(event));
            KafkaProbe.cloudEventHeaders(type, eventId, event.subject())
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }

        /**
         * What the service holds of each appeal, by the appeal's name in the scenario: its row (body, status,
         * escalation, then every other column but the id, the version and the times of writing), its audit trail,
         * escalations, applicant and the events it published.
         */
        Map<String, List<List<Object>>> rows() throws SQLException {
            Map<String, List<List<Object>>> rows = new LinkedHashMap<>();
            for (String appeal : APPEALS) {
                UUID id = ids.get(appeal);
                rows.put("appeal " + appeal, select("""
                        select body_code, status, escalated from appeal where appeal_id = ?""", id));
                rows.put("appeal columns " + appeal, select("""
                        select receipt_number, body_kato, rural_district_kato, district_kato, region_kato, issue_id,
                               category_code, appeal_type, language, description, registration_day, cycle,
                               routing_occurred_at, term_start, due_date
                        from appeal where appeal_id = ?""", id));
                rows.put("audit " + appeal, select("""
                        select action, from_status, to_status, actor, body_code, reason, occurred_at
                        from appeal_audit where appeal_id = ? order by id""", id));
                rows.put("escalations " + appeal, select("""
                        select from_body_code, to_body_code, to_body_level, to_body_kato, escalated_at, due_date
                        from appeal_escalation where appeal_id = ? order by escalated_at, id""", id));
                rows.put("applicant " + appeal, select(
                        "select applicant_ref from appeal_applicant where appeal_id = ?", id));
                rows.put("outbox " + appeal, select(
                        "select type, payload::text from outbox_event where aggregateid = ? order by seq",
                        id.toString()));
            }
            return rows;
        }
    }

    private static List<String> actions(List<List<Object>> audit) {
        return audit.stream().map(entry -> (String) entry.get(0)).toList();
    }

    private static TopicPartition partition(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static ConsumerRecords<String, String> poll(
            Map<TopicPartition, List<ConsumerRecord<String, String>>> partitions) {
        return new ConsumerRecords<>(partitions, Map.of());
    }

    private long version(UUID appealId) throws SQLException {
        return ((Number) select("select version from appeal where appeal_id = ?", appealId).get(0).get(0))
                .longValue();
    }

    /** The transaction the caller runs in, on its enlisted connection. */
    private String currentTransaction() {
        try {
            return select("select pg_current_xact_id()::text").get(0).get(0).toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<Object>> select(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int column = 1; column <= columns; column++) {
                        row.add(result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

}
