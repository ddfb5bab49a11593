package kz.appeals.escalation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.NeedsTriage;
import kz.appeals.contracts.AppealEvents.OutsideCompetence;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.escalation.domain.ClockRules;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static kz.appeals.escalation.support.LifecycleEvents.DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.HIGHER_BODIES;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.REGION;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.answered;
import static kz.appeals.escalation.support.LifecycleEvents.ruralAkim;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A polled batch applied together ({@link DeadlineService#applyAll}, through the platform's inbox processor) leaves
 * every deadline row exactly as the same events applied one per transaction do, against the real database; it costs
 * one insert and one update of {@code deadline} whatever its size (counted by statement-level triggers this test
 * installs and removes); and a poison event in it costs only itself. The three channels share the handler, so a
 * batch here mixes the topics' events: several facts about one appeal meet in one batch, in delivery order.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedDeadlinesTest {

    private static final String CONSUMER = "set-based-deadlines-test";
    private static final String CHANNEL = "lifecycle-events";
    private static final Set<EventType> HANDLED = EnumSet.of(EventType.SUBMITTED, EventType.ROUTED,
            EventType.REDIRECTED, EventType.NEEDS_TRIAGE, EventType.OUTSIDE_COMPETENCE, EventType.ANSWERED,
            EventType.EXTENDED, EventType.REOPENED);
    /** Set by the time of the write, not by the events. */
    private static final Set<String> TIMES_OF_WRITING = Set.of("appeal_id", "created_at", "updated_at");

    @Inject
    InboxProcessor inboxProcessor;

    @Inject
    DeadlineService service;

    @Inject
    ClockRules rules;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    private long offset;
    private final LocalDate today = LocalDate.now(AppkTerms.NATIONAL_OFFSET);
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_deadlines_log", "deadline");
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    /** One appeal's events in the order its topics delivered them; a repeated delivery keeps its event id. */
    private record Story(String name, Function<UUID, List<Delivery>> deliveries) {
    }

    private record Delivery(UUID eventId, AppealEvent event) {
    }

    private List<Story> stories() {
        LocalDate due = rules.policy().answerDue(today);
        LocalDate oneDayMore = rules.policy().calendar().addWorkingDays(due, 1);
        LocalDate twoDaysMore = rules.policy().calendar().addWorkingDays(due, 2);
        String body = "rural-akim:" + RURAL_DISTRICT;
        String otherBody = "rural-akim:" + OTHER_RURAL_DISTRICT;
        return List.of(
                new Story("submitted, routed, redirected, extended by the new body, answered, reopened",
                        appeal -> deliveries(submitted(appeal), routed(appeal, RURAL_DISTRICT),
                                redirected(appeal, RURAL_DISTRICT, OTHER_RURAL_DISTRICT),
                                new Extended(appeal, otherBody, oneDayMore, "Contractor needed", "head", at),
                                answered(appeal, OTHER_RURAL_DISTRICT, 1),
                                new Reopened(appeal, otherBody, "Not repaired", 2, at))),
                new Story("answered before the routing it follows",
                        appeal -> deliveries(answered(appeal, RURAL_DISTRICT, 1), routed(appeal, RURAL_DISTRICT))),
                new Story("routed, disclaimed and placed by an operator",
                        appeal -> deliveries(routed(appeal, RURAL_DISTRICT),
                                new NeedsTriage(appeal, receipt(appeal), "No other body found", at.plusSeconds(60)),
                                routed(appeal, OTHER_RURAL_DISTRICT))),
                new Story("submitted only", appeal -> deliveries(submitted(appeal))),
                new Story("outside competence", appeal -> deliveries(new OutsideCompetence(appeal, receipt(appeal),
                        "private-dispute", "A court's matter", Language.kk, at, List.of()))),
                new Story("two extensions, the first delivered again after the second", appeal -> {
                    Delivery first = new Delivery(UUID.randomUUID(),
                            new Extended(appeal, body, oneDayMore, "Contractor needed", "head", at));
                    return List.of(new Delivery(UUID.randomUUID(), routed(appeal, RURAL_DISTRICT)), first,
                            new Delivery(UUID.randomUUID(),
                                    new Extended(appeal, body, twoDaysMore, "Contractor late", "head", at)),
                            first);
                }));
    }

    @Test
    void aBatchLeavesTheRowsTheEventsLeaveOneByOneInOneInsertAndOneUpdate() throws SQLException {
        List<Story> stories = stories();
        Map<Story, UUID> together = new LinkedHashMap<>();
        Map<Story, UUID> oneByOne = new LinkedHashMap<>();
        List<List<Delivery>> batchStories = new ArrayList<>();
        for (Story story : stories) {
            together.put(story, UUID.randomUUID());
            oneByOne.put(story, UUID.randomUUID());
            batchStories.add(new ArrayList<>(story.deliveries().apply(together.get(story))));
        }
        // the appeals' events interleaved, each appeal's in its own order
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        while (batchStories.stream().anyMatch(story -> !story.isEmpty())) {
            for (List<Delivery> story : batchStories) {
                if (!story.isEmpty()) {
                    batch.add(record(story.remove(0)));
                }
            }
        }
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(batch), HANDLED, service::applyAll);
        for (Story story : stories) {
            for (Delivery delivery : story.deliveries().apply(oneByOne.get(story))) {
                inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(record(delivery))), HANDLED,
                        service::applyAll);
            }
        }

        for (Story story : stories) {
            Map<String, Object> batched = row(together.get(story));
            Map<String, Object> alone = row(oneByOne.get(story));
            TIMES_OF_WRITING.forEach(column -> {
                batched.remove(column);
                alone.remove(column);
            });
            assertEquals(alone, batched, story.name());
        }
        Map<String, Object> full = row(together.get(stories.get(0)));
        assertEquals(2, full.get("cycle"));
        assertEquals("RUNNING", full.get("status"));
        assertEquals("STOPPED", row(together.get(stories.get(1))).get("status"));
        assertNull(row(together.get(stories.get(3))).get("body_code"));
        assertEquals("STOPPED", row(together.get(stories.get(4))).get("status"));
        // the repeat was applied once, by its first delivery: the later extension stands
        assertEquals(rules.policy().calendar().addWorkingDays(rules.policy().answerDue(today), 2).toString(),
                String.valueOf(row(together.get(stories.get(5))).get("due_date")));
        // the consumers publish nothing: the sweep does, later
        assertEquals(0, count("select count(*) from outbox_event where aggregateid = any(?)",
                together.values().stream().map(UUID::toString).toArray(String[]::new)));

        String xid = transactionOf(together.get(stories.get(0)));
        for (UUID appeal : together.values()) {
            assertEquals(xid, transactionOf(appeal), "every appeal of the batch written by one transaction");
        }
        assertEquals(Map.of("deadline INSERT", 1L, "deadline UPDATE", 1L), statements.statementsOf(xid));
    }

    /** A term that ends past the year 9999 (the contract's dates allow registration on its last days). */
    @Test
    void aDueDateInTheYear10000IsWrittenAsTheDomainDerivedIt() throws SQLException {
        UUID appeal = UUID.randomUUID();
        LocalDate lastDays = LocalDate.of(9999, 12, 24);
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(record(new Delivery(UUID.randomUUID(),
                new Submitted(appeal, receipt(appeal), AppealType.APPLICATION, "roads", "Жолда шұңқыр бар",
                        Language.kk, new Location(RURAL_DISTRICT, null, null, null), "egov", "ab".repeat(32), false,
                        0, at, lastDays, at))))), HANDLED, service::applyAll);

        LocalDate due = rules.policy().answerDue(lastDays);
        assertEquals(10000, due.getYear());
        assertEquals("10000-" + due.format(DateTimeFormatter.ofPattern("MM-dd")),
                String.valueOf(row(appeal).get("due_date_text")));
    }

    @Test
    void aPoisonEventInABatchCostsOnlyItself() throws SQLException {
        UUID poisoned = UUID.randomUUID();
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // a row the database refuses, as a constraint broken by one event would be
        execute("""
                create function test_refuse_deadline() returns trigger language plpgsql as $$
                begin
                    raise exception 'refused by the test';
                end $$;
                create trigger test_refuse_deadline before insert or update on deadline
                    for each row when (new.appeal_id = '%s') execute function test_refuse_deadline();"""
                .formatted(poisoned));
        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("escalation"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(
                    record(new Delivery(UUID.randomUUID(), routed(before, RURAL_DISTRICT))),
                    record(new Delivery(UUID.randomUUID(), submitted(before))),
                    record(new Delivery(UUID.randomUUID(), routed(poisoned, RURAL_DISTRICT))),
                    record(new Delivery(UUID.randomUUID(), routed(after, OTHER_RURAL_DISTRICT))),
                    record(new Delivery(UUID.randomUUID(), answered(after, OTHER_RURAL_DISTRICT, 1))))),
                    HANDLED, service::applyAll);

            assertEquals("rural-akim:" + RURAL_DISTRICT, row(before).get("body_code"));
            assertEquals("RUNNING", row(before).get("status"));
            assertEquals("STOPPED", row(after).get("status"));
            assertTrue(row(poisoned).isEmpty());
            List<ConsumerRecord<String, String>> parked = new ArrayList<>();
            eventually(() -> {
                deadLetters.collect(Duration.ofMillis(300)).stream()
                        .filter(record -> poisoned.toString().equals(record.key())).forEach(parked::add);
                assertFalse(parked.isEmpty(), "the poison event is not parked yet");
            });
            assertEquals(EventType.ROUTED.wireName(), KafkaProbe.header(parked.get(0), "ce_type"));
        } finally {
            execute("""
                    drop trigger test_refuse_deadline on deadline;
                    drop function test_refuse_deadline();""");
        }
    }

    private static List<Delivery> deliveries(AppealEvent... events) {
        return List.of(events).stream().map(event -> new Delivery(UUID.randomUUID(), event)).toList();
    }

    /** Routing's events at a fixed time (the one-by-one copy must carry the same facts); a redirect after the routing. */
    private Routed routed(UUID appeal, String ruralDistrict) {
        return new Routed(appeal, receipt(appeal), ruralAkim(ruralDistrict), ruralDistrict, DISTRICT, REGION,
                RoutingMethod.KATO, "Test routing", AppealType.APPLICATION, "roads", "Жолда шұңқыр бар", Language.kk,
                today, at.plusSeconds(120), null, null, HIGHER_BODIES);
    }

    private Redirected redirected(UUID appeal, String from, String to) {
        return new Redirected(appeal, receipt(appeal), ruralAkim(from), ruralAkim(to), to, DISTRICT, REGION,
                RoutingMethod.MANUAL, "Not ours", AppealType.APPLICATION, "roads", "Жолда шұңқыр бар", Language.kk,
                today, at.plusSeconds(180));
    }

    private Submitted submitted(UUID appeal) {
        return new Submitted(appeal, receipt(appeal), AppealType.APPLICATION, "roads", "Жолда шұңқыр бар", Language.kk,
                new Location(RURAL_DISTRICT, null, null, null), "egov", "ab".repeat(32), false, 0, at, today, at);
    }

    private static String receipt(UUID appeal) {
        return "KZ-TEST-" + appeal.toString().substring(0, 8);
    }

    private ConsumerRecord<String, String> record(Delivery delivery) {
        EventType type = EventType.of(delivery.event().getClass());
        String key = delivery.event().subject();
        String json;
        try {
            json = ContractJson.mapper().writeValueAsString(delivery.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ConsumerRecord<String, String> record = new ConsumerRecord<>(type.topic(), 0, offset++, key, json);
        KafkaProbe.cloudEventHeaders(type, delivery.eventId(), key)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.ROUTING, 0), records), Map.of());
    }

    /** Every column of the appeal's deadline by name; empty when it has none. */
    private Map<String, Object> row(UUID appeal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select *, due_date::text as due_date_text from deadline where appeal_id = ?")) {
            select.setObject(1, appeal);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rows.next()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnName(i), rows.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    private String transactionOf(UUID appeal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select xmin::text from deadline where appeal_id = ?")) {
            select.setObject(1, appeal);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

    private long count(String sql, String[] ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("varchar", ids));
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
