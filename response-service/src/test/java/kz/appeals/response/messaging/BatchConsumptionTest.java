package kz.appeals.response.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.inbox.BatchEventHandler;
import kz.appeals.platform.inbox.EventHandler;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.platform.inbox.UnprocessableEventException;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static kz.appeals.response.support.RoutingFixtures.json;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's batch path ({@link InboxProcessor#processBatchTogether}) against the real database and broker: a
 * polled batch is applied in one transaction, and when that fails, one event per transaction, so that every good event
 * takes effect exactly once and only the bad one is parked. The effect here is a row per event written in the
 * handler's transaction (in the inbox table, under a consumer name of its own), so a rolled-back batch leaves none.
 */
@QuarkusTest
class BatchConsumptionTest {

    private static final String CONSUMER = "batch-consumption-test";
    private static final String EFFECT = "batch-consumption-test-effect";
    private static final String CHANNEL = "lifecycle-events";
    /** More than InboxProcessor's limit for failures that are not an outage (8). */
    private static final int OUTAGE_ATTEMPTS = 10;

    @Inject
    InboxProcessor inboxProcessor;

    @Inject
    EntityManager entityManager;

    @Inject
    AgroalDataSource dataSource;

    private long offset = 1_000_000;

    @Test
    void aBatchOfGoodEventsTakesEffectOnceEachAndRepeatsWithinAndAcrossBatchesDoNot() throws SQLException {
        String office = newOfficeKato();
        List<Delivered> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(delivered(UUID.randomUUID(), office));
        }
        Delivered repeated = events.get(2);
        List<ConsumerRecord<String, String>> firstPoll = new ArrayList<>(records(events));
        firstPoll.add(record(repeated)); // a relay's republish arriving in the same poll

        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(firstPoll), Set.of(EventType.ROUTED),
                oneByOne(recordEffect()));
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(events)), Set.of(EventType.ROUTED),
                oneByOne(recordEffect()));

        for (Delivered event : events) {
            assertEquals(1, effects(event.eventId()), "effects of " + event.eventId());
            assertEquals(1, inboxRows(event.eventId()), "inbox rows of " + event.eventId());
        }
    }

    @Test
    void oneEventThatCanNeverBeAppliedIsParkedAndItsNeighboursStillTakeEffect() throws SQLException {
        String office = newOfficeKato();
        Delivered before = delivered(UUID.randomUUID(), office);
        Delivered bad = delivered(UUID.randomUUID(), office);
        Delivered after = delivered(UUID.randomUUID(), office);
        EventHandler failsOnBad = event -> {
            if (event.id().equals(bad.eventId())) {
                throw new UnprocessableEventException("The test refuses " + event.id());
            }
            recordEffect().handle(event);
        };

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(List.of(before, bad, after))),
                    Set.of(EventType.ROUTED), oneByOne(failsOnBad));

            ConsumerRecord<String, String> parked = eventually(() -> deadLetters.collect(Duration.ofMillis(300))
                    .stream().filter(record -> bad.key().equals(record.key())).findFirst().orElseThrow());
            assertEquals("The test refuses " + bad.eventId(), KafkaProbe.header(parked, "dead-letter-reason"));
            assertEquals(Topics.ROUTING, KafkaProbe.header(parked, "dead-letter-topic"));
            assertEquals(Long.toString(bad.offset()), KafkaProbe.header(parked, "dead-letter-offset"));
            assertEquals(bad.eventId().toString(), KafkaProbe.header(parked, CloudEventHeaders.ID));
        }
        assertEquals(1, effects(before.eventId()));
        assertEquals(1, effects(after.eventId()));
        assertEquals(0, effects(bad.eventId()));
        assertEquals(0, inboxRows(bad.eventId()), "a parked event is not recorded as processed");
    }

    @Test
    void aTransientFailureRollsTheBatchBackAndEveryEventIsAppliedOnRetry() throws SQLException {
        String office = newOfficeKato();
        List<Delivered> events = List.of(delivered(UUID.randomUUID(), office), delivered(UUID.randomUUID(), office),
                delivered(UUID.randomUUID(), office));
        AtomicInteger calls = new AtomicInteger();
        EventHandler failsOnce = event -> {
            recordEffect().handle(event);
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("The database went away for a moment");
            }
        };

        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(events)), Set.of(EventType.ROUTED),
                oneByOne(failsOnce));

        for (Delivered event : events) {
            assertEquals(1, effects(event.eventId()), "the rolled-back effect is not doubled");
        }
    }

    @Test
    void recordsThatCannotBeReadAreParkedWithoutStoppingTheBatch() throws SQLException {
        String office = newOfficeKato();
        Delivered good = delivered(UUID.randomUUID(), office);
        String brokenKey = UUID.randomUUID().toString();
        ConsumerRecord<String, String> broken = new ConsumerRecord<>(Topics.ROUTING, 0, offset++, brokenKey,
                "{not json");
        KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), brokenKey)
                .forEach((name, value) -> broken.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(broken, record(good))),
                    Set.of(EventType.ROUTED), oneByOne(recordEffect()));

            ConsumerRecord<String, String> parked = eventually(() -> deadLetters.collect(Duration.ofMillis(300))
                    .stream().filter(record -> brokenKey.equals(record.key())).findFirst().orElseThrow());
            assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("not JSON"));
        }
        assertEquals(1, effects(good.eventId()));
    }

    /**
     * More failed attempts than a transient failure is allowed ({@code MAX_ATTEMPTS}), each because PostgreSQL
     * really dropped the connection (the handler terminates its own backend, SQLSTATE 57P01): an outage, which the
     * events wait out, batch and single path alike, instead of being parked.
     */
    @Test
    void eventsWaitOutADatabaseOutageInsteadOfBeingParked() throws SQLException {
        String office = newOfficeKato();
        List<Delivered> batch = List.of(delivered(UUID.randomUUID(), office), delivered(UUID.randomUUID(), office));
        Delivered single = delivered(UUID.randomUUID(), office);

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("response"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(records(batch)), Set.of(EventType.ROUTED),
                    oneByOne(databaseGoneFor(OUTAGE_ATTEMPTS)));
            inboxProcessor.process(CONSUMER, record(single), Set.of(EventType.ROUTED),
                    databaseGoneFor(OUTAGE_ATTEMPTS));

            Set<String> keys = Set.of(batch.get(0).key(), batch.get(1).key(), single.key());
            assertEquals(List.of(), deadLetters.collect(Duration.ofSeconds(2)).stream()
                    .filter(record -> keys.contains(record.key())).toList(), "nothing parked");
        }
        for (Delivered event : List.of(batch.get(0), batch.get(1), single)) {
            assertEquals(1, effects(event.eventId()), "effects of " + event.eventId());
            assertEquals(1, inboxRows(event.eventId()), "inbox rows of " + event.eventId());
        }
    }

    /** The first {@code failures} calls lose their connection the way a database restart does; the rest work. */
    private EventHandler databaseGoneFor(int failures) {
        AtomicInteger calls = new AtomicInteger();
        return event -> {
            if (calls.incrementAndGet() <= failures) {
                entityManager.createNativeQuery("select pg_terminate_backend(pg_backend_pid())").getResultList();
            }
            recordEffect().handle(event);
        };
    }

    /** The effect of an event: a row written in the handler's transaction. */
    private EventHandler recordEffect() {
        return event -> entityManager.createNativeQuery(
                        "insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, 'effect')")
                .setParameter(1, EFFECT)
                .setParameter(2, event.id())
                .executeUpdate();
    }

    private Delivered delivered(UUID appealId, String office) {
        Routed event = routed(appealId, office);
        return new Delivered(UUID.randomUUID(), appealId.toString(), json(event), offset++);
    }

    private static List<ConsumerRecord<String, String>> records(List<Delivered> events) {
        return events.stream().map(BatchConsumptionTest::record).toList();
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

    private long effects(UUID eventId) throws SQLException {
        return count(EFFECT, eventId);
    }

    private long inboxRows(UUID eventId) throws SQLException {
        return count(CONSUMER, eventId);
    }

    private long count(String consumer, UUID eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
            statement.setString(1, consumer);
            statement.setObject(2, eventId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private record Delivered(UUID eventId, String key, String json, long offset) {
    }

    /** The handler's effect for each event of the batch in turn, in the batch's transaction. */
    private static BatchEventHandler oneByOne(EventHandler handler) {
        return events -> events.forEach(handler::handle);
    }
}
