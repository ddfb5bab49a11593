package kz.appeals.response.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.inbox.EventHandler;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.platform.inbox.UnprocessableEventException;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.tracing.EventTracing;
import kz.appeals.platform.transaction.DatabaseUnavailable;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.TestInfrastructure;
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
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static kz.appeals.response.support.RoutingFixtures.json;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The statements a polled batch costs and what the outbox relay does with its rows, against the real database and
 * broker. Statements are counted by statement-level triggers this test installs on the inbox and outbox tables
 * (removed afterwards): each logs its transaction id, table and operation, so a transaction's statements per table
 * can be counted exactly, whatever else the service does meanwhile.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedBatchTest {

    private static final String CONSUMER = "set-based-batch-test";
    private static final String CHANNEL = "lifecycle-events";
    private static final String SOURCE = "/kz/appeals/response";

    @Inject
    InboxProcessor inboxProcessor;

    @Inject
    Outbox outbox;

    @Inject
    EventTracing tracing;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    private long offset = 2_000_000;

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_batch_log", "outbox_event", "inbox_event");
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    /** Per event, the handler records one event in the outbox, as a routing decision does. */
    @Test
    void aBatchCostsOneInboxStatementOneOutboxStatementAndOneCommitWhateverItsSize() throws SQLException {
        List<Delivered> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            events.add(delivered());
        }
        List<ConsumerRecord<String, String>> poll = new ArrayList<>(records(events));
        poll.add(record(events.get(3))); // a relay's republish in the same poll
        poll.add(record(events.get(17)));
        AtomicReference<String> batchTransaction = new AtomicReference<>();

        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(poll), Set.of(EventType.ROUTED),
                batch -> batch.forEach(event -> {
                    batchTransaction.compareAndSet(null, currentTransaction());
                    outbox.record(acknowledgement(event));
                }));

        assertEquals(Map.of("inbox_event INSERT", 1L, "outbox_event INSERT", 1L),
                statements.statementsOf(batchTransaction.get()), "statements of the batch's transaction");
        for (Delivered event : events) {
            assertEquals(1, count("select count(*) from inbox_event where consumer = ? and event_id = ?",
                    CONSUMER, event.eventId()), "inbox rows of " + event.eventId());
            assertEquals(1, count("select count(*) from outbox_event where aggregateid = ?", event.key()),
                    "outbox rows of " + event.key());
        }
        assertEquals(1, count("select count(distinct xmin::text) from inbox_event where consumer = ? and event_id = any(?)",
                CONSUMER, events.stream().map(Delivered::eventId).toArray(UUID[]::new)), "commits of the batch");

        // across batches: the same events again are all duplicates and change nothing
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(events)), Set.of(EventType.ROUTED),
                batch -> batch.forEach(event -> outbox.record(acknowledgement(event))));
        for (Delivered event : events) {
            assertEquals(1, count("select count(*) from outbox_event where aggregateid = ?", event.key()),
                    "outbox rows of " + event.key() + " after a redelivery");
        }
    }

    /** The per-event fallback after a failed batch leaves nothing of the batch's buffered outbox rows behind. */
    @Test
    void aPoisonEventIsParkedAloneAndItsNeighboursOutboxRowsAreWrittenOnce() throws SQLException {
        Delivered before = delivered();
        Delivered bad = delivered();
        Delivered after = delivered();
        EventHandler recordsThenRefusesBad = event -> {
            outbox.record(acknowledgement(event));
            if (event.id().equals(bad.eventId())) {
                throw new UnprocessableEventException("The test refuses " + event.id());
            }
        };

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(List.of(before, bad, after))),
                    Set.of(EventType.ROUTED), batch -> batch.forEach(recordsThenRefusesBad::handle));

            List<ConsumerRecord<String, String>> parked = eventually(() -> {
                List<ConsumerRecord<String, String>> seen = deadLetters.collect(Duration.ofMillis(500)).stream()
                        .filter(record -> Set.of(before.key(), bad.key(), after.key()).contains(record.key()))
                        .toList();
                assertTrue(!seen.isEmpty());
                return seen;
            });
            assertEquals(List.of(bad.key()), parked.stream().map(ConsumerRecord::key).toList(), "parked");
        }
        assertEquals(1, count("select count(*) from outbox_event where aggregateid = ?", before.key()));
        assertEquals(1, count("select count(*) from outbox_event where aggregateid = ?", after.key()));
        assertEquals(0, count("select count(*) from outbox_event where aggregateid = ?", bad.key()));
    }

    /**
     * Events of three appeals recorded interleaved in one transaction (singly and as a list, written by the commit
     * itself): every column as recorded, {@code seq} in recording order, and on the topic each appeal's events in
     * that order with the CloudEvents headers; the relay marks a published batch with one statement.
     */
    @Test
    void outboxRowsKeepEveryColumnAndLeaveInOrderPerAppealMarkedByOneStatementPerBatch() throws Exception {
        List<UUID> appeals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Acknowledged> recorded = new ArrayList<>();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int round = 0; round < 4; round++) {
            for (UUID appeal : appeals) {
                recorded.add(new Acknowledged(appeal, "rural-akim:" + newOfficeKato(), "officer-" + round,
                        at.plusMillis(recorded.size())));
            }
        }
        List<UUID> ids = new ArrayList<>();
        AtomicReference<String> context = new AtomicReference<>();

        try (KafkaProbe topic = new KafkaProbe(Topics.RESPONSE)) {
            QuarkusTransaction.requiringNew().run(() -> {
                context.set(tracing.currentContext());
                ids.add(outbox.record(recorded.get(0)));
                ids.addAll(outbox.recordAll(recorded.subList(1, recorded.size())));
            });

            List<ConsumerRecord<String, String>> published = new ArrayList<>();
            for (int i = 0; i < recorded.size(); i++) {
                published.add(topic.await(record -> appeals.stream().anyMatch(
                        appeal -> appeal.toString().equals(record.key())), Duration.ofSeconds(30)));
            }
            for (UUID appeal : appeals) {
                assertEquals(idsOf(appeal, recorded, ids), published.stream()
                                .filter(record -> record.key().equals(appeal.toString()))
                                .map(record -> UUID.fromString(KafkaProbe.header(record, CloudEventHeaders.ID)))
                                .toList(), "order of " + appeal + "'s events on the topic");
            }
            for (ConsumerRecord<String, String> record : published) {
                Acknowledged event = recorded.get(ids.indexOf(
                        UUID.fromString(KafkaProbe.header(record, CloudEventHeaders.ID))));
                assertEquals(Map.of(CloudEventHeaders.SPEC_VERSION, "1.0",
                        CloudEventHeaders.SOURCE, SOURCE,
                        CloudEventHeaders.TYPE, EventType.ACKNOWLEDGED.wireName(),
                        CloudEventHeaders.SUBJECT, event.appealId().toString(),
                        CloudEventHeaders.TIME, event.occurredAt().toString(),
                        CloudEventHeaders.CONTENT_TYPE, "application/json",
                        CloudEventHeaders.DATA_SCHEMA, ContractValidator.schemaId(EventType.ACKNOWLEDGED)),
                        cloudEventHeaders(record), "headers of " + record.key());
                assertEquals(ContractJson.mapper().readTree(json(event)),
                        ContractJson.mapper().readTree(record.value()));
            }
        }

        Set<String> markingTransactions = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select id, aggregatetype, aggregateid, type, payload::text, topic, occurred_at,
                            tracingspancontext, published_at, xmin::text
                     from outbox_event where id = any(?) order by seq""")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                for (int i = 0; i < recorded.size(); i++) {
                    assertTrue(rows.next(), "row " + i);
                    Acknowledged event = recorded.get(i);
                    assertEquals(ids.get(i), rows.getObject(1, UUID.class), "seq follows the recording order");
                    assertEquals("appeal", rows.getString(2));
                    assertEquals(event.appealId().toString(), rows.getString(3));
                    assertEquals(EventType.ACKNOWLEDGED.wireName(), rows.getString(4));
                    assertEquals(ContractJson.mapper().readTree(json(event)),
                            ContractJson.mapper().readTree(rows.getString(5)));
                    assertEquals(Topics.RESPONSE, rows.getString(6));
                    assertEquals(event.occurredAt(), rows.getObject(7, OffsetDateTime.class).toInstant());
                    assertEquals(context.get(), rows.getString(8));
                    assertNotNull(rows.getObject(9), "marked published");
                    markingTransactions.add(rows.getString(10));
                }
            }
        }
        for (String xid : markingTransactions) {
            assertEquals(1L, statements.statementsOf(xid).get("outbox_event UPDATE"),
                    "mark statements of relay transaction " + xid);
        }
    }

    /**
     * ce_time and the data's occurredAt are one instant on every record read back from the broker, also for an event
     * created with nanoseconds, which PostgreSQL's occurred_at cannot hold (issue 22, item 4).
     */
    @Test
    void ceTimeIsTheDatasOccurredAtOnTheTopic() throws Exception {
        Instant nanos = Instant.parse("2026-12-07T04:05:06.123456789Z");
        List<Acknowledged> recorded = List.of(
                new Acknowledged(UUID.randomUUID(), "rural-akim:" + newOfficeKato(), "officer", nanos),
                new Acknowledged(UUID.randomUUID(), "rural-akim:" + newOfficeKato(), "officer", nanos.plusNanos(500)),
                new Acknowledged(UUID.randomUUID(), "rural-akim:" + newOfficeKato(), "officer",
                        nanos.truncatedTo(ChronoUnit.MICROS)));
        try (KafkaProbe topic = new KafkaProbe(Topics.RESPONSE)) {
            QuarkusTransaction.requiringNew().run(() -> outbox.recordAll(recorded));
            for (Acknowledged event : recorded) {
                ConsumerRecord<String, String> record = topic.await(
                        KafkaProbe.ofType(EventType.ACKNOWLEDGED, event.appealId().toString()), Duration.ofSeconds(30));
                Instant ceTime = Instant.parse(KafkaProbe.header(record, CloudEventHeaders.TIME));
                Acknowledged data = ContractJson.mapper().readValue(record.value(), Acknowledged.class);
                assertEquals(ceTime, data.occurredAt(), "ce_time and data.occurredAt of " + record.value());
                assertEquals(event.occurredAt().truncatedTo(ChronoUnit.MICROS), data.occurredAt());
            }
        }
    }

    /**
     * Another replica's relay holds the lock while a commit here wakes this relay: it looks again as soon as the lock
     * is free, long before its idle poll (10 s).
     */
    @Test
    void aWakeUpWhileAnotherRelayHoldsTheLockIsNotLost() throws Exception {
        UUID appeal = UUID.randomUUID();
        try (KafkaProbe topic = new KafkaProbe(Topics.RESPONSE);
             Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            try (Statement lock = otherRelay.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))");
            }
            UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.record(
                    new Acknowledged(appeal, "rural-akim:" + newOfficeKato(), "officer", Instant.now())));
            Thread.sleep(500);
            assertNull(publishedAt(id), "not published while another relay holds the lock");
            otherRelay.rollback();
            otherRelay.setAutoCommit(true);
            Instant released = Instant.now();

            topic.await(KafkaProbe.ofType(EventType.ACKNOWLEDGED, appeal.toString()), Duration.ofSeconds(3));
            assertTrue(Duration.between(released, Instant.now()).compareTo(Duration.ofSeconds(3)) < 0);
            eventually(() -> assertNotNull(publishedAt(id)));
        }
    }

    /**
     * The events a transaction did not flush itself are written as it commits: if the database goes away just then,
     * the failure still says so (a REST caller is told to retry, a consumer waits), and nothing is written.
     */
    @Test
    void aDatabaseLostWhileTheCommitWritesTheOutboxIsAnOutageAndLeavesNothing() {
        UUID appeal = UUID.randomUUID();
        RuntimeException failure = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.record(new Acknowledged(appeal, "rural-akim:" + newOfficeKato(), "officer", Instant.now()));
                    terminate(entityManager.createNativeQuery("select pg_backend_pid()").getSingleResult());
                }));
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        assertTrue(trace.toString().contains("Outbox rows could not be written"), trace::toString);
        assertTrue(DatabaseUnavailable.causedBy(failure), trace::toString);
        eventually(() -> assertEquals(0, countUnchecked(
                "select count(*) from outbox_event where aggregateid = ?", appeal.toString())));
    }

    /** Ends a backend from a connection of its own, as a database restart does. */
    private static void terminate(Object backendPid) {
        try (Connection other = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "response", "response");
             PreparedStatement terminate = other.prepareStatement("select pg_terminate_backend(?, 5000)")) {
            terminate.setInt(1, ((Number) backendPid).intValue());
            terminate.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UUID> idsOf(UUID appeal, List<Acknowledged> recorded, List<UUID> ids) {
        List<UUID> ofAppeal = new ArrayList<>();
        for (int i = 0; i < recorded.size(); i++) {
            if (recorded.get(i).appealId().equals(appeal)) {
                ofAppeal.add(ids.get(i));
            }
        }
        return ofAppeal;
    }

    private static Map<String, String> cloudEventHeaders(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(header -> {
            if (header.key().startsWith("ce_") && !header.key().equals(CloudEventHeaders.ID)
                    || header.key().equals(CloudEventHeaders.CONTENT_TYPE)) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
        });
        return headers;
    }

    private Acknowledged acknowledgement(IncomingEvent event) {
        return new Acknowledged(UUID.fromString(event.subject()), "rural-akim:" + newOfficeKato(), "officer", Instant.now());
    }

    private String currentTransaction() {
        return entityManager.createNativeQuery("select pg_current_xact_id()::text").getSingleResult().toString();
    }

    private Object publishedAt(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select published_at from outbox_event where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getObject(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long countUnchecked(String sql, Object... parameters) {
        try {
            return count(sql, parameters);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof UUID[] array
                        ? connection.createArrayOf("uuid", array) : parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Delivered delivered() {
        UUID appealId = UUID.randomUUID();
        return new Delivered(UUID.randomUUID(), appealId.toString(), json(routed(appealId, newOfficeKato())),
                offset++);
    }

    private static List<ConsumerRecord<String, String>> records(List<Delivered> events) {
        return events.stream().map(SetBasedBatchTest::record).toList();
    }

    private static ConsumerRecord<String, String> record(Delivered event) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ROUTING, 0, event.offset(), event.key(),
                event.json());
        KafkaProbe.cloudEventHeaders(EventType.ROUTED, event.eventId(), event.key())
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ROUTING, 0), records), Map.of());
    }

    private record Delivered(UUID eventId, String key, String json, long offset) {
    }
}
