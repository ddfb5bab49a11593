package kz.appeals.response.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.asFrontend;
import static kz.appeals.response.support.OfficeApi.asHead;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.DAY;
import static kz.appeals.response.support.RoutingFixtures.applicantRef;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.receipt;
import static kz.appeals.response.support.RoutingFixtures.redirected;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.response.support.RoutingFixtures.submitted;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The term (extension by the head) and the applicant's side (rating, reopening), through the real broker. */
@QuarkusTest
class TermsAndApplicantApiTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";
    /** The service's own rules, with the calendar in force (years other tests published included). */
    @Inject
    DeadlinePolicy deadlines;

    private static KafkaProbe routing;
    private static KafkaProbe intake;
    private static KafkaProbe responses;
    private static KafkaProbe escalations;

    private String office;
    private UUID appealId;

    @BeforeAll
    static void openProbes() {
        routing = new KafkaProbe(Topics.ROUTING);
        intake = new KafkaProbe(Topics.INTAKE);
        responses = new KafkaProbe(Topics.RESPONSE);
        escalations = new KafkaProbe(Topics.ESCALATION);
    }

    @AfterAll
    static void closeProbes() {
        routing.close();
        intake.close();
        responses.close();
        escalations.close();
    }

    @BeforeEach
    void appealInInbox() {
        office = newOfficeKato();
        appealId = UUID.randomUUID();
        send(routing, routed(appealId, office));
        awaitAppeal(office, appealId);
    }

    @Test
    void theInboxAndTheDetailShowTheTermOfFifteenWorkingDays() {
        LocalDate due = deadlines.answerDue(DAY);
        as(office).get("/api/v1/inbox").then().statusCode(200)
                .body("items[0].dueDate", equalTo(due.toString()));
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("termStart", equalTo(DAY.toString()))
                .body("dueDate", equalTo(due.toString()))
                .body("extensionCap", equalTo(deadlines.extensionCap(DAY).toString()))
                .body("latestExtension", equalTo(deadlines.latestExtension(DAY).toString()))
                .body("allowedActions", contains("ACKNOWLEDGE", "ANSWER", "REDIRECT"));
        asHead(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("allowedActions", contains("ACKNOWLEDGE", "EXTEND", "ANSWER", "REDIRECT"));
    }

    @Test
    void theHeadExtendsTheTermAndTheEventCarriesTheNewDate() throws Exception {
        LocalDate newDue = deadlines.calendar().addWorkingDays(deadlines.answerDue(DAY), 10);
        asHead(office).contentType("application/json")
                .body(Map.of("newDueDate", newDue.toString(), "reason", "Asphalt plant closed until spring"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("dueDate", equalTo(newDue.toString()))
                .body("history[1].action", equalTo("EXTEND"))
                .body("history[1].reason", equalTo("Asphalt plant closed until spring"))
                .body("history[1].actor", equalTo("head-" + office));

        ConsumerRecord<String, String> record = responses.await(
                KafkaProbe.ofType(EventType.EXTENDED, appealId.toString()), EVENT_TIMEOUT);
        Extended extended = ContractJson.mapper().readValue(record.value(), Extended.class);
        assertEquals(newDue, extended.newDueDate());
        assertEquals("Asphalt plant closed until spring", extended.reason());
        assertEquals("head-" + office, extended.actorRef());
        assertEquals("rural-akim:" + office, extended.bodyCode());
    }

    /** The head extends to the latest day the detail offers, the whole two months where the cap is a day off too. */
    @Test
    void theHeadMayExtendToTheLatestExtensionShown() {
        String latest = asHead(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .extract().path("latestExtension");
        asHead(office).contentType("application/json")
                .body(Map.of("newDueDate", latest, "reason", "Bridge repair needs a contractor"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(200)
                .body("dueDate", equalTo(latest));
    }

    @Test
    void anEscalatedAppealShowsEscalationsDueDateAndItsTermIsNotExtended() {
        Escalated escalated = escalated(appealId, office, now());
        send(escalations, escalated);
        eventually(() -> as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("dueDate", equalTo(escalated.newDueDate().toString())));
        asHead(office).contentType("application/json").header("Accept-Language", "kk")
                .body(Map.of("newDueDate", deadlines.calendar().addWorkingDays(escalated.newDueDate(), 5).toString(),
                        "reason", "Contractor needed"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://appeals.kz/problems/term-closed"))
                .body("title", equalTo("Мерзімді енді ұзартуға болмайды"));
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("dueDate", equalTo(escalated.newDueDate().toString()));
    }

    @Test
    void aLapsedTermIsNotExtended() {
        UUID lapsed = UUID.randomUUID();
        LocalDate longAgo = deadlines.calendar().registrationDay(now().minus(Duration.ofDays(40)));
        send(routing, routed(lapsed, office, longAgo, receipt(), now()));
        awaitAppeal(office, lapsed);
        asHead(office).contentType("application/json").header("Accept-Language", "ru")
                .body(Map.of("newDueDate", deadlines.extensionCap(longAgo).minusDays(3).toString(),
                        "reason", "Contractor needed"))
                .post("/api/v1/appeals/{id}/extend", lapsed).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://appeals.kz/problems/term-closed"))
                .body("title", equalTo("Срок больше нельзя продлить"));
        // The real escalation service beside these tests may escalate the lapsed appeal meanwhile; then the due date
        // shown is the higher body's term, and still not the refused extension.
        var detail = as(office).get("/api/v1/appeals/{id}", lapsed).then().statusCode(200).extract().jsonPath();
        if (detail.getList("escalations").isEmpty()) {
            assertEquals(deadlines.answerDue(longAgo).toString(), detail.getString("dueDate"));
        } else {
            assertNotEquals(deadlines.extensionCap(longAgo).minusDays(3).toString(), detail.getString("dueDate"));
        }
    }

    /** The cap the office is shown is the one the extension is checked against: from receipt, not the redirect. */
    @Test
    void afterARedirectOnALaterDayTheDetailShowsTheCapFromReceipt() {
        String newOffice = newOfficeKato();
        Instant weekLater = DAY.plusDays(7).atTime(10, 0).toInstant(AppkTerms.NATIONAL_OFFSET);
        send(routing, redirected(appealId, office, newOffice, weekLater));
        awaitAppeal(newOffice, appealId);
        LocalDate termStart = deadlines.redirectedTermStart(DAY, weekLater);
        as(newOffice).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("termStart", equalTo(termStart.toString()))
                .body("extensionCap", equalTo(deadlines.extensionCap(DAY).toString()));
    }

    @Test
    void anExtensionThatBreaksTheLawIsRefusedAndChangesNothing() {
        LocalDate due = deadlines.answerDue(DAY);
        // A clerk is not the head of the body.
        as(office).contentType("application/json")
                .body(Map.of("newDueDate", deadlines.calendar().addWorkingDays(due, 5).toString(), "reason", "Busy"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://appeals.kz/problems/head-of-body-only"));
        // Past two months from receipt.
        asHead(office).contentType("application/json")
                .body(Map.of("newDueDate", deadlines.extensionCap(DAY).plusDays(7).toString(), "reason", "Long"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("newDueDate"))
                .body("errors[0].code", equalTo("BEYOND_CAP"));
        // No written reason, no date.
        asHead(office).contentType("application/json")
                .body(Map.of("newDueDate", deadlines.calendar().addWorkingDays(due, 5).toString(), "reason", " "))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asHead(office).contentType("application/json").body(Map.of("reason", "No date"))
                .post("/api/v1/appeals/{id}/extend", appealId).then().statusCode(400)
                .body("errors.field", hasItem("newDueDate"));

        assertEquals(0, responses.collect(Duration.ofSeconds(2)).stream()
                .filter(record -> appealId.toString().equals(record.key())).count());
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("dueDate", equalTo(due.toString()))
                .body("history", hasSize(1));
    }

    @Test
    void theApplicantRatesOnceAndReopensAnUnsatisfyingAnswerAsANewCycle() throws Exception {
        String applicant = applicantRef();
        send(intake, submitted(appealId, applicant));
        answer("Patched the hole", "PARTIALLY_SATISFIED");

        // Someone else's pseudonym: the same 404 as an unknown appeal (waiting until intake's event has arrived).
        asFrontend().body(Map.of("applicantRef", applicantRef(), "satisfied", false))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(404);
        eventually(() -> asFrontend().body(Map.of("applicantRef", applicant, "satisfied", false,
                        "comment", "The hole is back after rain"))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answers[0].ratingSatisfied", equalTo(false)));
        Rated rated = ContractJson.mapper().readValue(responses.await(
                KafkaProbe.ofType(EventType.RATED, appealId.toString()), EVENT_TIMEOUT).value(), Rated.class);
        assertEquals(applicant, rated.applicantRef());
        assertEquals(1, rated.cycle());
        assertEquals(false, rated.satisfied());

        asFrontend().body(Map.of("applicantRef", applicant, "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://appeals.kz/problems/already-rated"));

        asFrontend().body(Map.of("applicantRef", applicant, "reason", "Not fixed"))
                .post("/api/v1/citizen/appeals/{id}/reopen", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("cycle", equalTo(2));
        Reopened reopened = ContractJson.mapper().readValue(responses.await(
                KafkaProbe.ofType(EventType.REOPENED, appealId.toString()), EVENT_TIMEOUT).value(), Reopened.class);
        assertEquals(2, reopened.cycle());
        assertEquals(applicant, reopened.applicantRef());

        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("cycle", equalTo(2))
                .body("dueDate", equalTo(reopened.newDueDate().toString()))
                .body("answers", hasSize(1))
                .body("history.action", contains("ROUTED", "ANSWER", "RATE", "REOPEN"))
                .body("history[2].actor", equalTo("applicant:" + applicant));
        answer("Asphalted the whole street", "SATISFIED");
        Answered second = ContractJson.mapper().readValue(responses.await(
                record -> KafkaProbe.ofType(EventType.ANSWERED, appealId.toString()).test(record)
                        && cycleOf(record) == 2, EVENT_TIMEOUT).value(), Answered.class);
        assertEquals(2, second.cycle());
        asFrontend().body(Map.of("applicantRef", applicant, "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(200)
                .body("answers", hasSize(2))
                .body("answers[1].ratingSatisfied", equalTo(true));
    }

    @Test
    void theApplicantCannotRateBeforeTheAnswerNorReopenASatisfyingOne() {
        String applicant = applicantRef();
        send(intake, submitted(appealId, applicant));
        eventually(() -> asFrontend().body(Map.of("applicantRef", applicant, "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(409)
                .body("currentStatus", equalTo("ROUTED"))
                .body("attemptedAction", equalTo("RATE")));
        answer("Repaired", "SATISFIED");
        asFrontend().body(Map.of("applicantRef", applicant, "reason", "Just because"))
                .post("/api/v1/citizen/appeals/{id}/reopen", appealId).then().statusCode(422)
                .body("errors[0].field", equalTo("rating"));
        asFrontend().body(Map.of("applicantRef", applicant, "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(200);
        asFrontend().body(Map.of("applicantRef", applicant, "reason", "Changed my mind"))
                .post("/api/v1/citizen/appeals/{id}/reopen", appealId).then().statusCode(422);
        asFrontend().body(Map.of("applicantRef", "not-a-pseudonym", "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(400)
                .body("errors.field", hasItem("applicantRef"));
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("cycle", equalTo(1))
                .body("answer.ratingSatisfied", equalTo(true))
                .body("answer.ratingComment", nullValue());
    }

    @Test
    void officesCannotRateAndTheFrontendCannotAnswer() {
        as(office).contentType("application/json").body(Map.of("applicantRef", applicantRef(), "satisfied", true))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(403);
        asFrontend().body(Map.of("outcome", "SATISFIED", "text", "Self-answered", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(403);
    }

    private static int cycleOf(ConsumerRecord<String, String> record) {
        try {
            return ContractJson.mapper().readTree(record.value()).path("cycle").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theClerkStartsFromATemplateOfTheCategoryInKazakhOrRussian() {
        as(office).queryParam("category", "roads").queryParam("language", "kk").get("/api/v1/answer-templates")
                .then().statusCode(200)
                .body("[0].categoryCode", equalTo("roads"))
                .body("language", everyItem(equalTo("kk")));
        as(office).queryParam("language", "de").get("/api/v1/answer-templates").then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains("language"));
    }

    private void answer(String text, String outcome) {
        as(office).contentType("application/json")
                .body(Map.of("outcome", outcome, "text", text, "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200);
    }
}
