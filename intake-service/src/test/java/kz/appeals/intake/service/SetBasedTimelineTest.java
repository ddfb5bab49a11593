package kz.appeals.intake.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.platform.inbox.IncomingEvent;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen's timeline applied a polled batch at a time ({@link CitizenTimeline#applyAll} through the platform's
 * {@code processBatchTogether}), against the real database and broker: the rows a batch leaves are the rows the same
 * deliveries leave one by one, a poison event costs its neighbours nothing, and batches of two channels on one appeal
 * take turns. Statements are counted by statement-level triggers the test installs on the timeline's tables (removed
 * afterwards), each logging its transaction id, table and operation.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedTimelineTest {

    private static final String CONSUMER = "set-based-timeline-test";
    private static final String CHANNEL = "lifecycle-events";
    private static final Set<EventType> TIMELINE_TYPES = EnumSet.of(EventType.ROUTED, EventType.REDIRECTED,
            EventType.NEEDS_TRIAGE, EventType.OUTSIDE_COMPETENCE, EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.REDIRECT_REQUESTED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED,
            EventType.DEEMED_REFUSED, EventType.ESCALATED);
    private static final Body AKIM = new Body("rural-akim:991021000", BodyLevel.RURAL_DISTRICT, "991021000",
            "Ақбұлақ ауылдық округі әкімінің аппараты", "Аппарат акима Акбулакского сельского округа");
    private static final Body OTHER_AKIM = new Body("rural-akim:991022000", BodyLevel.RURAL_DISTRICT, "991022000",
            "Көршілес ауылдық округ әкімінің аппараты", "Аппарат акима соседнего сельского округа");
    private static final Body DISTRICT = new Body("district:akimat:991020000", BodyLevel.DISTRICT_AKIMAT, "991020000",
            "Аудан әкімдігі", "Акимат района");

    @Inject
    InboxProcessor inboxProcessor;

    @Inject
    CitizenTimeline timeline;

    @Inject
    IntakeFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    /** The calendar intake counts with now: other tests publish calendar years, which intake then applies. */
    @Inject
    DeadlinePolicy deadlines;

    private Registered filed;

    private long offset = 1_000_000;

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_timeline_log", "appeal_step", "appeal_progress");
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    @Test
    void aBatchLeavesTheRowsTheSameDeliveriesLeaveOneByOne() throws SQLException {
        Registered first = register();
        Registered second = register();
        Registered firstAlone = register();
        Registered secondAlone = register();
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        List<Delivered> batch = interleavedLifecycles(first, second, at);
        List<Delivered> oneByOne = interleavedLifecycles(firstAlone, secondAlone, at);

        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(batch), TIMELINE_TYPES, timeline::applyAll);
        for (Delivered delivered : oneByOne) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(delivered)), TIMELINE_TYPES,
                    timeline::applyAll);
        }

        assertEquals(rowsOf(firstAlone), rowsOf(first), "steps and progress of the first appeal");
        assertEquals(rowsOf(secondAlone), rowsOf(second), "steps and progress of the second appeal");

        // what those rows say, by the rules: the answer that overtook the routing decision sits in its place, the
        // repeated acknowledgement is one step, the escalation after the reopening decides body and date
        LocalDate escalatedDue = first.registrationDay().plusMonths(2);
        assertEquals(List.of("ROUTED", "TAKEN_INTO_WORK", "REDIRECT_REQUESTED", "EXTENDED", "ANSWERED", "REOPENED",
                "ESCALATED"), kindsOf(first));
        assertEquals(Arrays.asList("ESCALATED", DISTRICT.code(), escalatedDue.toString(), null, 2),
                progressOf(first), "status, body, due date, notes, cycle of the first appeal");
        LocalDate redirectedDue = deadlines.answerDue(
                deadlines.redirectedTermStart(second.registrationDay(), at.plusSeconds(600)));
        assertEquals(List.of("ROUTED", "REDIRECTED", "DEEMED_REFUSED", "ANSWERED", "RATED"), kindsOf(second));
        assertEquals(Arrays.asList("RATED", OTHER_AKIM.code(), redirectedDue.toString(), "Жол жөнделді.", 1),
                progressOf(second), "status, body, due date, notes, cycle of the second appeal");

        // the whole poll delivered again: every event is a duplicate and nothing changes
        List<List<Object>> before = rowsOf(first);
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(batch), TIMELINE_TYPES, timeline::applyAll);
        assertEquals(before, rowsOf(first), "rows after a redelivery");
    }

    /** An upsert fires both statement triggers of appeal_progress: INSERT and UPDATE, once each. */
    @Test
    void aBatchWritesEachTableWithOneStatement() throws SQLException {
        Registered first = register();
        Registered second = register();
        AtomicReference<String> batchTransaction = new AtomicReference<>();

        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(interleavedLifecycles(first, second,
                Instant.now().plusSeconds(60))), TIMELINE_TYPES, events -> {
                    batchTransaction.set(currentTransaction());
                    timeline.applyAll(events);
                });

        assertEquals(Map.of("appeal_step INSERT", 1L, "appeal_progress INSERT", 1L, "appeal_progress UPDATE", 1L),
                statements.statementsOf(batchTransaction.get()), "statements of the batch's transaction");
        assertEquals(7, kindsOf(first).size());
        assertEquals(5, kindsOf(second).size());
    }

    /** An answer with a NUL character (JSON and the contract allow it, PostgreSQL's text does not) fails its batch. */
    @Test
    void aPoisonEventIsParkedAloneAndItsNeighboursEffectsStay() throws SQLException {
        Registered appeal = register();
        Registered neighbour = register();
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        Delivered poison = delivered(EventType.ANSWERED, new AppealEvents.Answered(appeal.id(), AKIM.code(),
                AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол\u0000жөнделді", 1, "clerk-1",
                at.plusSeconds(3600)));

        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("intake"))) {
            inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(
                    delivered(EventType.ROUTED, routed(appeal, AKIM, at)),
                    poison,
                    delivered(EventType.ROUTED, routed(neighbour, AKIM, at)),
                    delivered(EventType.ACKNOWLEDGED, new AppealEvents.Acknowledged(appeal.id(), AKIM.code(),
                            "clerk-1", at.plusSeconds(60))))), TIMELINE_TYPES, timeline::applyAll);

            ConsumerRecord<String, String> parked = deadLetters.await(record ->
                    poison.eventId().toString().equals(KafkaProbe.header(record, CloudEventHeaders.ID)),
                    Duration.ofSeconds(30));
            assertEquals(appeal.id().toString(), parked.key());
        }
        assertEquals(List.of("ROUTED", "TAKEN_INTO_WORK"), kindsOf(appeal));
        assertEquals("IN_PROGRESS", progressOf(appeal).get(0));
        assertEquals(List.of("ROUTED"), kindsOf(neighbour));
        assertEquals(0, fixtures.count("select count(*) from inbox_event where consumer = '" + CONSUMER
                + "' and event_id = '" + poison.eventId() + "'"), "the poison event is not recorded as applied");
    }

    @Test
    void anAnswerAsLongAsTheContractAllowsIsShownWhole() throws SQLException {
        Registered appeal = register();
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        String longest = "ж".repeat(10_000);
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, poll(List.of(
                delivered(EventType.ROUTED, routed(appeal, AKIM, at)),
                delivered(EventType.ANSWERED, new AppealEvents.Answered(appeal.id(), AKIM.code(),
                        AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, longest, 1, "clerk-1",
                        at.plusSeconds(3600))))), TIMELINE_TYPES, timeline::applyAll);
        assertEquals(List.of("ROUTED", "ANSWERED"), kindsOf(appeal));
        assertEquals(1, fixtures.count("select count(*) from appeal_step where appeal_id = '" + appeal.id()
                + "' and length(text) = 10000"));
    }

    /**
     * A batch that waits for another channel's batch on the same appeal folds the steps that batch committed: here
     * the routing decision, applied last, does not hide the answer that happened after it.
     */
    @Test
    void aBatchThatWaitedForAnotherOnTheSameAppealFoldsItsSteps() throws Exception {
        Registered appeal = register();
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MICROS);
        Delivered answered = delivered(EventType.ANSWERED, new AppealEvents.Answered(appeal.id(), AKIM.code(),
                AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол жөнделді.", 1, "clerk-1",
                at.plusSeconds(3600)));
        Delivered routed = delivered(EventType.ROUTED, routed(appeal, AKIM, at));
        CountDownLatch answerApplied = new CountDownLatch(1);

        CompletableFuture<Void> responseChannel = CompletableFuture.runAsync(() ->
                QuarkusTransaction.requiringNew().run(() -> {
                    timeline.applyAll(List.of(answered.incoming()));
                    answerApplied.countDown();
                    pause(); // holds the appeal's lock, uncommitted, while the routing batch starts
                }));
        assertTrue(answerApplied.await(30, TimeUnit.SECONDS), "the answer was applied");
        QuarkusTransaction.requiringNew().run(() -> timeline.applyAll(List.of(routed.incoming())));
        responseChannel.get(30, TimeUnit.SECONDS);

        assertEquals(List.of("ROUTED", "ANSWERED"), kindsOf(appeal));
        assertEquals("ANSWERED", progressOf(appeal).get(0));
    }

    /**
     * Two appeals' lifecycles interleaved in delivery order as three topics would deliver them: an answer before
     * the routing decision, a repeated delivery, an event about an appeal this intake never registered.
     */
    private List<Delivered> interleavedLifecycles(Registered first, Registered second, Instant at) {
        Delivered acknowledged = delivered(EventType.ACKNOWLEDGED, new AppealEvents.Acknowledged(first.id(),
                AKIM.code(), "clerk-1", at.plusSeconds(60)));
        List<Delivered> poll = new ArrayList<>();
        poll.add(delivered(EventType.ANSWERED, new AppealEvents.Answered(first.id(), AKIM.code(),
                AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол жөнделді.", 1, "clerk-1",
                at.plusSeconds(3600))));
        poll.add(delivered(EventType.ROUTED, routed(second, AKIM, at)));
        poll.add(delivered(EventType.ROUTED, routed(first, AKIM, at)));
        poll.add(acknowledged);
        poll.add(delivered(EventType.REDIRECTED, new AppealEvents.Redirected(second.id(), second.receiptNumber(),
                AKIM, OTHER_AKIM, "991022000", "991020000", "991000000", AppealEvents.RoutingMethod.MANUAL,
                "Not the first body's competence", AppealEvents.AppealType.APPLICATION, "roads", "…",
                AppealEvents.Language.kk, second.registrationDay(), at.plusSeconds(600))));
        poll.add(acknowledged);
        poll.add(delivered(EventType.REDIRECT_REQUESTED, new AppealEvents.RedirectRequested(first.id(), AKIM.code(),
                "Not ours", "clerk-1", at.plusSeconds(90))));
        poll.add(delivered(EventType.EXTENDED, new AppealEvents.Extended(first.id(), AKIM.code(),
                first.registrationDay().plusMonths(1), "Needs a survey", "head-1", at.plusSeconds(120))));
        poll.add(delivered(EventType.ROUTED, routed(new Registered(UUID.randomUUID(), "KZ26-0000000-X",
                first.registrationDay()), AKIM, at)));
        poll.add(delivered(EventType.ANSWERED, new AppealEvents.Answered(second.id(), OTHER_AKIM.code(),
                AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол жөнделді.", 1, "clerk-2",
                at.plusSeconds(4000))));
        poll.add(delivered(EventType.REOPENED, new AppealEvents.Reopened(first.id(), AKIM.code(),
                "Жол әлі жөнделмеген", 2, at.plusSeconds(7200), null, first.registrationDay().plusMonths(1))));
        poll.add(delivered(EventType.RATED, new AppealEvents.Rated(second.id(), OTHER_AKIM.code(), true, "Рақмет", 1,
                at.plusSeconds(5000))));
        poll.add(delivered(EventType.DEEMED_REFUSED, new AppealEvents.DeemedRefused(second.id(), OTHER_AKIM.code(),
                BodyLevel.RURAL_DISTRICT, second.registrationDay(), at.plusSeconds(3000))));
        poll.add(delivered(EventType.ESCALATED, new AppealEvents.Escalated(first.id(), AKIM, DISTRICT,
                first.registrationDay().plusMonths(1), first.registrationDay().plusMonths(2), at.plusSeconds(9000))));
        return poll;
    }

    private static AppealEvents.Routed routed(Registered appeal, Body body, Instant at) {
        return new AppealEvents.Routed(appeal.id(), appeal.receiptNumber(), body, body.katoCode(), "991020000",
                "991000000", AppealEvents.RoutingMethod.KATO, "KATO settlement", AppealEvents.AppealType.APPLICATION,
                "roads", "…", AppealEvents.Language.kk, appeal.registrationDay(), at);
    }

    /**
     * An appeal only this test's deliveries touch: a copy, under a new id and receipt number, of one filed through
     * the API. The filed one's appeal.submitted is on the shared broker, where the routing service of a module tested
     * alongside may route it and intake's own consumer then record that; the copy has no event of its own.
     */
    private Registered register() throws SQLException {
        if (filed == null) {
            fixtures.sampleSettlementKnown();
            String iin = SampleCitizens.randomIin();
            JsonPath receipt = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                    .contentType(ContentType.JSON).body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin))
                    .post("/api/v1/appeals").then().statusCode(201).extract().jsonPath();
            filed = new Registered(UUID.fromString(receipt.getString("appealId")), receipt.getString("receiptNumber"),
                    LocalDate.parse(receipt.getString("registrationDay")));
        }
        UUID id = UUID.randomUUID();
        String receiptNumber = "TSB-" + id.toString().substring(0, 13);
        try (Connection connection = dataSource.getConnection(); PreparedStatement copy = connection.prepareStatement("""
                insert into appeal
                select (jsonb_populate_record(a, jsonb_build_object('id', ?::text, 'receipt_number', ?::text))).*
                from appeal a where a.id = ?""")) {
            copy.setString(1, id.toString());
            copy.setString(2, receiptNumber);
            copy.setObject(3, filed.id());
            assertEquals(1, copy.executeUpdate());
        }
        return new Registered(id, receiptNumber, filed.registrationDay());
    }

    /** Every column of the appeal's steps (in the order they happened) and progress, but the ids. */
    private List<List<Object>> rowsOf(Registered appeal) throws SQLException {
        List<List<Object>> rows = select("""
                select kind, occurred_at, body_code, body_kato, body_name_kk, body_name_ru, due_on, outcome,
                       satisfied, text, cycle
                from appeal_step where appeal_id = ? order by occurred_at, kind""", appeal.id());
        rows.addAll(select("""
                select status, body_code, body_kato, body_name_kk, body_name_ru, due_on, status_notes, cycle,
                       updated_at
                from appeal_progress where appeal_id = ?""", appeal.id()));
        assertFalse(rows.isEmpty(), "rows of " + appeal.id());
        return rows;
    }

    private List<Object> kindsOf(Registered appeal) throws SQLException {
        return select("select kind from appeal_step where appeal_id = ? order by occurred_at, kind", appeal.id())
                .stream().map(row -> row.get(0)).toList();
    }

    private List<Object> progressOf(Registered appeal) throws SQLException {
        List<List<Object>> rows = select("""
                select status, body_code, due_on::text, status_notes, cycle from appeal_progress where appeal_id = ?""",
                appeal.id());
        assertEquals(1, rows.size(), "progress rows of " + appeal.id());
        return rows.get(0);
    }

    /** The id of the transaction the caller runs in (its enlisted connection). */
    private String currentTransaction() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_current_xact_id()::text")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<List<Object>> select(String sql, UUID appealId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, appealId);
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

    private Delivered delivered(EventType type, AppealEvent data) {
        return new Delivered(type, UUID.randomUUID(), data, offset++);
    }

    private static ConsumerRecords<String, String> poll(List<Delivered> events) {
        List<ConsumerRecord<String, String>> records = events.stream().map(Delivered::record).toList();
        return new ConsumerRecords<>(Map.of(new TopicPartition(Topics.RESPONSE, 0), records), Map.of());
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Registered(UUID id, String receiptNumber, LocalDate registrationDay) {
    }

    /** One delivery of an event; the same instance twice in a poll is a relay's republish. */
    private record Delivered(EventType type, UUID eventId, AppealEvent data, long offset) {

        ConsumerRecord<String, String> record() {
            String subject = data.appealId().toString();
            ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.RESPONSE, 0, offset, subject,
                    EventJson.write(data));
            KafkaProbe.cloudEventHeaders(type, eventId, subject)
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }

        IncomingEvent incoming() {
            return new IncomingEvent(eventId, type, "/kz/appeals/test", data.appealId().toString(), data);
        }
    }
}
