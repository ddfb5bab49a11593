package kz.appeals.escalation.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeadlineWarning;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.WarningThreshold;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.escalation.domain.WarningSchedule;
import kz.appeals.escalation.service.DeadlineMetrics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.escalation.support.DeadlineApi.deadline;
import static kz.appeals.testing.Eventually.eventually;
import static kz.appeals.escalation.support.LifecycleEvents.DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.answered;
import static kz.appeals.escalation.support.LifecycleEvents.redirected;
import static kz.appeals.escalation.support.LifecycleEvents.routed;
import static kz.appeals.escalation.support.LifecycleEvents.send;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifecycle events from the real test broker applied to the real test database, and the lapses they lead to. */
@QuarkusTest
class DeadlineClockTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(WorkingCalendar.bundled());
    private static KafkaProbe sender;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeadlineMetrics deadlineMetrics;

    @BeforeAll
    static void openProbe() {
        sender = new KafkaProbe(Topics.ESCALATION);
    }

    @AfterAll
    static void closeProbe() {
        sender.close();
    }

    private static LocalDate todayInKazakhstan() {
        return LocalDate.now(AppkTerms.NATIONAL_OFFSET);
    }

    @Test
    void aRoutedAppealRunsFifteenWorkingDaysFromItsRegistration() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan();
        LocalDate due = POLICY.answerDue(registered);
        send(sender, routed(appealId, RURAL_DISTRICT, registered));

        eventually(() -> deadline(appealId).statusCode(200)
                .body("appealId", equalTo(appealId.toString()))
                .body("bodyCode", equalTo("rural-akim:" + RURAL_DISTRICT))
                .body("dueDate", equalTo(due.toString()))
                .body("status", equalTo("RUNNING"))
                .body("cycle", equalTo(1))
                .body("workingDaysLeft", equalTo(POLICY.calendar().workingDaysBetween(todayInKazakhstan(), due))));
    }

    @Test
    void anAnswerStopsTheClock() {
        UUID appealId = UUID.randomUUID();
        awaitProcessed(send(sender, routed(appealId, RURAL_DISTRICT, todayInKazakhstan())));
        send(sender, answered(appealId, RURAL_DISTRICT, 1));

        eventually(() -> deadline(appealId).statusCode(200)
                .body("status", equalTo("STOPPED"))
                .body("workingDaysLeft", nullValue()));
    }

    @Test
    void anAppealNoPublicBodyHandlesHasNoClockRunning() {
        UUID appealId = UUID.randomUUID();
        awaitProcessed(send(sender, new AppealEvents.Submitted(appealId, "KZ26-0000001-F",
                AppealEvents.AppealType.APPLICATION, "private-dispute", "…", AppealEvents.Language.kk,
                new AppealEvents.Location("991021001", null, null, null), "egov", "a".repeat(64), false, 0, Instant.now(),
                todayInKazakhstan(), Instant.now())));
        send(sender, new AppealEvents.OutsideCompetence(appealId, "KZ26-0000001-F", "private-dispute",
                "A dispute between neighbours: a court's matter, not a public body's", AppealEvents.Language.kk,
                Instant.now(), List.of()));

        eventually(() -> deadline(appealId).statusCode(200).body("status", equalTo("STOPPED")));
    }

    @Test
    void anAnswerProcessedBeforeTheRoutingLeavesTheClockStopped() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan();
        awaitProcessed(send(sender, answered(appealId, RURAL_DISTRICT, 1)));
        awaitProcessed(send(sender, routed(appealId, RURAL_DISTRICT, registered)));

        deadline(appealId).statusCode(200)
                .body("status", equalTo("STOPPED"))
                .body("bodyCode", equalTo("rural-akim:" + RURAL_DISTRICT))
                .body("dueDate", equalTo(POLICY.answerDue(registered).toString()));
    }

    @Test
    void aRedirectGivesTheNewBodyItsOwnTermAndKeepsTheReceiptDate() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan().minusDays(10);
        send(sender, routed(appealId, RURAL_DISTRICT, registered));
        Redirected redirect = redirected(appealId, RURAL_DISTRICT, OTHER_RURAL_DISTRICT, registered);
        send(sender, redirect);

        LocalDate received = POLICY.calendar().registrationDay(redirect.occurredAt());
        eventually(() -> deadline(appealId).statusCode(200)
                .body("bodyCode", equalTo("rural-akim:" + OTHER_RURAL_DISTRICT))
                .body("registrationDay", equalTo(registered.toString()))
                .body("termStart", equalTo(received.toString()))
                .body("dueDate", equalTo(POLICY.answerDue(received).toString()))
                .body("redirectDue", equalTo(POLICY.redirectDue(registered).toString()))
                .body("redirectedLate", equalTo(LocalDate.ofInstant(redirect.occurredAt(), AppkTerms.NATIONAL_OFFSET)
                        .isAfter(POLICY.redirectDue(registered))))
                .body("status", equalTo("RUNNING")));
    }

    @Test
    void aDisclaimedAppealWaitingForTriageHoldsNoBodyUntilAnOperatorPlacesIt() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan();
        send(sender, routed(appealId, RURAL_DISTRICT, registered));
        send(sender, new AppealEvents.NeedsTriage(appealId, "KZ-TEST-" + appealId.toString().substring(0, 8),
                "rural-akim:" + RURAL_DISTRICT + " said it is not competent; no other body found", Instant.now(),
                List.of()));
        eventually(() -> deadline(appealId).statusCode(200)
                .body("bodyCode", nullValue())
                .body("registrationDay", equalTo(registered.toString()))
                .body("status", equalTo("RUNNING")));

        Routed placed = routed(appealId, OTHER_RURAL_DISTRICT, registered);
        send(sender, placed);
        LocalDate received = POLICY.calendar().registrationDay(placed.occurredAt());
        eventually(() -> deadline(appealId).statusCode(200)
                .body("bodyCode", equalTo("rural-akim:" + OTHER_RURAL_DISTRICT))
                .body("termStart", equalTo(received.toString()))
                .body("dueDate", equalTo(POLICY.answerDue(received).toString())));
    }

    @Test
    void aRedeliveredEventTakesEffectOnce() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan();
        LocalDate due = POLICY.answerDue(registered);
        LocalDate first = POLICY.calendar().addWorkingDays(due, 1);
        LocalDate second = POLICY.calendar().addWorkingDays(due, 2);
        String body = "rural-akim:" + RURAL_DISTRICT;
        awaitProcessed(send(sender, routed(appealId, RURAL_DISTRICT, registered)));

        Extended toFirst = new Extended(appealId, body, first, "Contractor needed", "head", Instant.now());
        UUID firstId = send(sender, toFirst);
        send(sender, new Extended(appealId, body, second, "Contractor late", "head", Instant.now()));
        send(sender, toFirst, firstId);
        // Queued behind the redelivery on the same partition: once it is applied, so is the redelivery.
        awaitProcessed(send(sender, answered(appealId, RURAL_DISTRICT, 1)));

        deadline(appealId).statusCode(200)
                .body("status", equalTo("STOPPED"))
                .body("dueDate", equalTo(second.toString()));
    }

    @Test
    void aMalformedRecordIsDeadLetteredAndTheNextOneIsProcessed() {
        UUID appealId = UUID.randomUUID();
        String key = appealId.toString();
        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("escalation"))) {
            sender.send(Topics.ROUTING, key, KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), key),
                    "{not json");
            send(sender, routed(appealId, RURAL_DISTRICT, todayInKazakhstan()));

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, key);
            assertEquals(EventType.ROUTED.wireName(), KafkaProbe.header(parked, CloudEventHeaders.TYPE));
            String reason = KafkaProbe.header(parked, "dead-letter-reason");
            assertTrue(reason != null && !reason.isBlank(), "reason header");
        }
        eventually(() -> deadline(appealId).statusCode(200).body("status", equalTo("RUNNING")));
    }

    @Test
    void aWarningIsPublishedOnceWhenTheTermReachesIt() {
        UUID appealId = UUID.randomUUID();
        LocalDate today = todayInKazakhstan();
        LocalDate registered = registrationDayWithHalfTermReachedBy(today);
        try (KafkaProbe escalations = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, registered));

            ConsumerRecord<String, String> record = escalations.await(
                    KafkaProbe.ofType(EventType.DEADLINE_WARNING, appealId.toString()), Duration.ofSeconds(30));
            DeadlineWarning warning = read(record, DeadlineWarning.class);
            assertEquals(WarningThreshold.HALF_TERM, warning.threshold());
            assertEquals(POLICY.answerDue(registered), warning.dueDate());
            assertEquals("rural-akim:" + RURAL_DISTRICT, warning.bodyCode());
            // The sweeper runs every second here: a second warning would show within a few sweeps.
            List<ConsumerRecord<String, String>> later = escalations.collect(Duration.ofSeconds(4)).stream()
                    .filter(r -> appealId.toString().equals(r.key())).toList();
            assertTrue(later.isEmpty(), "published again: " + later);
        }
        deadline(appealId).statusCode(200).body("warningsSent", equalTo(List.of("HALF_TERM")));
    }

    /** A registration day whose term has passed its half on {@code today} but not three quarters of it. */
    private static LocalDate registrationDayWithHalfTermReachedBy(LocalDate today) {
        WarningSchedule defaults = new WarningSchedule(0.5, 0.75, 1, EnumSet.allOf(WarningThreshold.class));
        for (LocalDate day = today.minusDays(1); ; day = day.minusDays(1)) {
            List<WarningSchedule.Warning> warnings = defaults.warnings(day, POLICY.answerDue(day), POLICY.calendar());
            if (!warnings.get(0).day().isAfter(today) && warnings.get(1).day().isAfter(today)) {
                return day;
            }
        }
    }

    @Test
    void anExtensionAndAnAnswerReadBeforeTheRoutingAreReconciledWhenItArrives() {
        UUID appealId = UUID.randomUUID();
        LocalDate registered = todayInKazakhstan();
        LocalDate extendedTo = POLICY.calendar().addWorkingDays(POLICY.answerDue(registered), 2);
        awaitProcessed(send(sender, new Extended(appealId, "rural-akim:" + RURAL_DISTRICT, extendedTo, "Contractor",
                "head", Instant.now())));
        deadline(appealId).statusCode(200).body("bodyCode", nullValue()).body("dueDate", nullValue());
        awaitProcessed(send(sender, routed(appealId, RURAL_DISTRICT, registered)));
        deadline(appealId).statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("dueDate", equalTo(extendedTo.toString()));
    }

    @Test
    void aLapsedTermIsDeemedRefusedAndEscalatedExactlyOnce() {
        UUID appealId = UUID.randomUUID();
        String subject = appealId.toString();
        deadlineMetrics.countIfWritten();
        double overdueBefore = gauge("appeals_deadlines_overdue", "district-akimat");
        try (KafkaProbe escalations = new KafkaProbe(Topics.ESCALATION)) {
            Routed longAgo = routed(appealId, RURAL_DISTRICT, LocalDate.parse("2025-01-06"));
            UUID routedId = send(sender, longAgo);

            // Both events commit together; the probe validates each against its schema.
            ConsumerRecord<String, String> refused = escalations.await(
                    KafkaProbe.ofType(EventType.DEEMED_REFUSED, subject), Duration.ofSeconds(30));
            ConsumerRecord<String, String> escalated = escalations.await(
                    KafkaProbe.ofType(EventType.ESCALATED, subject), Duration.ofSeconds(10));
            DeemedRefused deemedRefused = read(refused, DeemedRefused.class);
            Escalated escalation = read(escalated, Escalated.class);
            // 15 working days after Monday 6 January 2025, with 7 January (Orthodox Christmas) off.
            LocalDate lapsedDue = LocalDate.parse("2025-01-28");
            assertEquals(lapsedDue, deemedRefused.dueDate());
            assertEquals("rural-akim:" + RURAL_DISTRICT, deemedRefused.bodyCode());
            assertEquals(BodyLevel.RURAL_DISTRICT, deemedRefused.level());
            assertEquals(longAgo.body(), escalation.fromBody());
            // the district akimat with the code and name routing gives it (issue 22, item 3)
            assertEquals(longAgo.higherBodies().get(0), escalation.toBody());
            assertEquals("district:akimat:" + DISTRICT, escalation.toBody().code());
            assertEquals("Акимат района (Улгинский район)", escalation.toBody().nameRu());
            assertEquals(lapsedDue, escalation.lapsedDueDate());
            assertEquals(POLICY.answerDue(POLICY.calendar().registrationDay(escalation.occurredAt())),
                    escalation.newDueDate());
            assertEquals("/kz/appeals/escalation", KafkaProbe.header(escalated, CloudEventHeaders.SOURCE));

            send(sender, longAgo, routedId);
            List<ConsumerRecord<String, String>> later = escalations.collect(Duration.ofSeconds(4)).stream()
                    .filter(record -> subject.equals(record.key())).toList();
            assertTrue(later.isEmpty(), "published again: " + later);
        }
        // The district akimat now holds the appeal, with its own term.
        deadline(appealId).statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("bodyCode", equalTo("district:akimat:" + DISTRICT))
                .body("level", equalTo("DISTRICT_AKIMAT"))
                .body("routedBodyCode", equalTo("rural-akim:" + RURAL_DISTRICT))
                .body("escalationStep", equalTo(1))
                .body("registrationDay", equalTo("2025-01-06"))
                .body("workingDaysLeft", greaterThanOrEqualTo(0));
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.DISTRICT_AKIMAT, DISTRICT)))
                .queryParam("kato", DISTRICT)
                .get("/api/v1/deadlines/overdue").then().statusCode(200)
                .body("findAll { it.appealId == '" + appealId + "' }.escalationStep", equalTo(List.of(1)));
        // ... and the overdue gauge of its level counts it (other tests' appeals may lapse meanwhile, none recover).
        eventually(() -> {
            deadlineMetrics.countIfWritten();
            assertTrue(gauge("appeals_deadlines_overdue", "district-akimat") >= overdueBefore + 1,
                    "overdue gauge: " + overdueBefore + " before");
        });
        assertTrue(gauge("appeals_deadlines_open", "district-akimat") >= 1);
    }

    /**
     * The gauges read every open term: counted again only once the deadlines changed, never while idle. (The schedule
     * may recount the change before the test does: the gauge shows it either way.)
     */
    @Test
    void theGaugesAreRecountedOnlyWhenTheDeadlinesChanged() {
        eventually(() -> assertFalse(deadlineMetrics.countIfWritten(), "nothing written since the last count"));
        double openBefore = gauge("appeals_deadlines_open", "rural-district");
        awaitProcessed(send(sender, routed(UUID.randomUUID(), RURAL_DISTRICT, todayInKazakhstan())));
        eventually(() -> {
            deadlineMetrics.countIfWritten();
            assertTrue(gauge("appeals_deadlines_open", "rural-district") >= openBefore + 1,
                    "a new term, counted: " + openBefore + " before");
        });
    }

    /** One sample of the Prometheus scrape, as a dashboard reads it. */
    private static double gauge(String name, String level) {
        String prefix = name + "{level=\"" + level + "\"}";
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(prefix + " is not exported"));
    }

    private static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Unreadable " + type.getSimpleName() + ": " + record.value(), e);
        }
    }

    /** KafkaProbe.await checks the data against the schema, which a dead letter by definition fails. */
    private static ConsumerRecord<String, String> awaitDeadLetter(KafkaProbe probe, String key) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        return eventually(() -> {
            probe.collect(Duration.ofMillis(300)).stream().filter(record -> key.equals(record.key())).forEach(seen::add);
            assertTrue(!seen.isEmpty(), "no dead letter yet");
            return seen.get(0);
        });
    }

    private void awaitProcessed(UUID eventId) {
        eventually(() -> assertTrue(processed(eventId), "event " + eventId + " not processed yet"));
    }

    private boolean processed(UUID eventId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from inbox_event where consumer = ? and event_id = ?")) {
            statement.setString(1, LifecycleConsumers.CONSUMER_NAME);
            statement.setObject(2, eventId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
