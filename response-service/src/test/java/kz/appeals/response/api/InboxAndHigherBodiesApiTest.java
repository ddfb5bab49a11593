package kz.appeals.response.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.asHigherBody;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.applicantRef;
import static kz.appeals.response.support.RoutingFixtures.district;
import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.office;
import static kz.appeals.response.support.RoutingFixtures.region;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.response.support.RoutingFixtures.submitted;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The inbox's filters and order, the detail's related appeals, and what the bodies above an office see of its
 * appeals once they are escalated. Five appeals of one office, registered on days chosen so that their terms fall
 * overdue, soon and later than today.
 */
@QuarkusTest
class InboxAndHigherBodiesApiTest {

    /** The service's own rules, with the calendar in force (years other tests published included). */
    @Inject
    DeadlinePolicy deadlines;
    private static final String PROBLEM = "application/problem+json";

    private static KafkaProbe routing;
    private static KafkaProbe escalation;
    private static KafkaProbe intake;
    private static KafkaProbe responses;

    private final LocalDate today = LocalDate.now(AppkTerms.NATIONAL_OFFSET);
    private String office;
    /** Registered 40 days ago, still open: overdue. */
    private UUID overdue;
    /** Registered 40 days ago and answered: closed, so never overdue. */
    private UUID answered;
    /** Due within five working days from today. */
    private UUID soon;
    /** Registered today. */
    private UUID fresh;
    /** Registered today, another category. */
    private UUID water;
    /** Routing's issue of {@code soon} and {@code fresh}. */
    private UUID pothole;

    @BeforeAll
    static void openProbes() {
        routing = new KafkaProbe(Topics.ROUTING);
        escalation = new KafkaProbe(Topics.ESCALATION);
        intake = new KafkaProbe(Topics.INTAKE);
        responses = new KafkaProbe(Topics.RESPONSE);
    }

    @AfterAll
    static void closeProbes() {
        routing.close();
        escalation.close();
        intake.close();
        responses.close();
    }

    @BeforeEach
    void fiveAppeals() {
        office = newOfficeKato();
        pothole = UUID.randomUUID();
        overdue = appeal(today.minusDays(40), "KZ-1", "roads");
        answered = appeal(today.minusDays(40), "KZ-2", "roads");
        soon = appeal(registeredDueSoon(), "KZ-3", "roads", pothole);
        fresh = appeal(today, "KZ-4", "roads", pothole);
        water = appeal(today, "KZ-5", "water");
        int status = as(office).contentType("application/json")
                .body(Map.of("outcome", "EXPLAINED", "text", "Repaired last week", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", answered).then().extract().statusCode();
        if (status != 200) {
            // The real escalation service beside these tests may escalate it first (its term lapsed long ago): then
            // the office can no longer answer it (409), and the checks below leave escalated appeals out.
            assertEquals(409, status);
            eventually(() -> assertTrue(inbox(Map.of("escalated", "true")).contains(answered.toString()),
                    "refused only because the appeal was escalated meanwhile"));
        }
    }

    @Test
    void theInboxIsInDeadlineOrderAndFiltered() {
        // When escalation's tests run beside these on the same broker, the real escalation service may escalate the
        // two appeals registered 40 days ago (the answered one too, if it sweeps before it reads the answer), and
        // an escalated appeal carries the higher body's new due date: the filters are checked on a state read whole,
        // again once such an escalation has landed, with the escalated appeals left out.
        eventually(() -> {
            List<String> escalated = inbox(Map.of("escalated", "true"));
            UnaryOperator<List<String>> known = ids -> ids.stream().filter(id -> !escalated.contains(id)).toList();
            assertEquals(known.apply(names(overdue, answered, soon, fresh, water)), known.apply(inbox(Map.of())));
            assertEquals(known.apply(names(overdue)), inbox(Map.of("overdue", "true")));
            assertEquals(known.apply(names(overdue, soon)), known.apply(inbox(Map.of("dueWithin", 5))));
            assertEquals(known.apply(names(overdue, soon, fresh, water)), known.apply(inbox(Map.of("open", "true"))));
            assertEquals(names(water), inbox(Map.of("category", "water")));
            assertTrue(names(overdue, answered).containsAll(escalated),
                    "only the appeals registered 40 days ago can have been escalated");
        });
        as(office).get("/api/v1/inbox").then().statusCode(200)
                .body("totalItems", equalTo(5));
        as(office).queryParam("open", "true").queryParam("category", "roads").queryParam("size", 2)
                .queryParam("page", 1).get("/api/v1/inbox").then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2));

        // the receipt number a citizen reads out on the phone, found within what the office may see
        String receipt = "kz-3-" + soon;
        assertEquals(names(soon), inbox(Map.of("receipt", receipt)));
        as(newOfficeKato()).queryParam("receipt", receipt).get("/api/v1/inbox").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(office).queryParam("receipt", "KZ 3;--").get("/api/v1/inbox").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("receipt"));
        as(office).queryParam("dueWithin", -1).get("/api/v1/inbox").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("dueWithin"));
        as(office).queryParam("overdue", "yes").get("/api/v1/inbox").then().statusCode(400)
                .body("errors.field", contains("overdue"));
    }

    private static List<String> names(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).toList();
    }

    /** The appeal ids of the office's inbox under the filters, in the inbox's order. */
    private List<String> inbox(Map<String, Object> filters) {
        return as(office).queryParams(filters).get("/api/v1/inbox").then().statusCode(200)
                .extract().jsonPath().getList("items.appealId");
    }

    @Test
    void theDetailListsRelatedAppealsOfTheSameIssue() {
        String applicant = applicantRef();
        send(intake, submitted(overdue, applicant));
        send(intake, submitted(fresh, applicant));
        // Routing's issue (soon) or the same applicant (overdue); not an appeal of the same category and district
        // that routing did not group with it (answered), another category (water), nor the appeal itself.
        eventually(() -> as(office).get("/api/v1/appeals/{id}", fresh).then().statusCode(200)
                .body("issueId", equalTo(pothole.toString()))
                .body("related.appealId", containsInAnyOrder(ids(soon, overdue))));
        // Without an issue only the same applicant's appeals are related.
        as(office).get("/api/v1/appeals/{id}", overdue).then().statusCode(200)
                .body("issueId", nullValue())
                .body("related.appealId", containsInAnyOrder(ids(fresh)));
    }

    @Test
    void escalatedAppealsReachTheHigherBodiesWhileTheOfficeCanStillAnswer() {
        send(escalation, escalated(fresh, office, now()));
        String districtKato = district(office);
        eventually(() -> asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).queryParam("escalated", "true")
                .get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", hasItem(fresh.toString()))
                .body("items.appealId", not(hasItem(water.toString()))));
        as(office).queryParam("escalated", "true").get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", hasItem(fresh.toString()))
                .body("items.appealId", not(hasItem(water.toString())));

        // The district reads the whole history and its subordinate's other appeals; until it takes the escalated
        // one over, it acts on none of them.
        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).get("/api/v1/appeals/{id}", water).then()
                .statusCode(200)
                .body("allowedActions", empty());
        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).get("/api/v1/appeals/{id}", fresh).then()
                .statusCode(200)
                .body("allowedActions", contains("TAKE_OVER"))
                .body("escalations", hasSize(1))
                .body("escalations[0].toBodyKato", equalTo(districtKato))
                .body("history.action", contains("ROUTED"));
        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).get("/api/v1/appeals/{id}/audit", water).then()
                .statusCode(200);
        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).post("/api/v1/appeals/{id}/acknowledge", fresh).then()
                .statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://appeals.kz/problems/read-only"));
        asHigherBody(Roles.REGION_AKIMAT, region(office)).queryParam("escalated", "true").get("/api/v1/inbox")
                .then().statusCode(200)
                .body("items.appealId", hasItem(fresh.toString()));
        // The Presidential Administration reads any appeal, but lists only those escalated to it.
        asHigherBody(Roles.PRESIDENTIAL_ADMINISTRATION, null).get("/api/v1/appeals/{id}", fresh).then()
                .statusCode(200);
        send(escalation, new Escalated(soon, office(office), new Body("presidential-administration", BodyLevel.PRESIDENTIAL_ADMINISTRATION,
                null, "Президент Әкімшілігі", "Администрация Президента"), today, today.plusDays(30), now()));
        eventually(() -> asHigherBody(Roles.PRESIDENTIAL_ADMINISTRATION, null).get("/api/v1/inbox?size=100")
                .then().statusCode(200)
                .body("items.appealId", hasItem(soon.toString()))
                .body("items.appealId", not(hasItem(fresh.toString()))));
        String otherDistrict = district(office).startsWith("99") ? "980100000" : "990100000";
        asHigherBody(Roles.DISTRICT_AKIMAT, otherDistrict).get("/api/v1/appeals/{id}", fresh).then()
                .statusCode(404);

        as(office).contentType("application/json")
                .body(Map.of("outcome", "SATISFIED", "text", "Repaired after all", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", fresh).then().statusCode(200)
                .body("status", equalTo("ANSWERED"));
    }

    @Test
    void theBodyAnAppealWasEscalatedToTakesItOverAndAnswersIt() throws Exception {
        send(escalation, escalated(fresh, office, now()));
        String districtKato = district(office);
        eventually(() -> asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).get("/api/v1/appeals/{id}", fresh)
                .then().statusCode(200)
                .body("allowedActions", contains("TAKE_OVER")));
        // Neither the office below nor a body the appeal was not escalated to may take it over.
        as(office).post("/api/v1/appeals/{id}/take-over", fresh).then().statusCode(403).contentType(PROBLEM);
        asHigherBody(Roles.REGION_AKIMAT, region(office)).post("/api/v1/appeals/{id}/take-over", fresh).then()
                .statusCode(403);

        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).post("/api/v1/appeals/{id}/take-over", fresh).then()
                .statusCode(200)
                .body("status", equalTo("IN_WORK"))
                .body("bodyCode", equalTo("district:akimat:" + districtKato))
                .body("allowedActions", contains("ANSWER", "REDIRECT"))
                .body("history.action", contains("ROUTED", "TAKE_OVER"));
        ConsumerRecord<String, String> record = responses.await(
                KafkaProbe.ofType(EventType.ACKNOWLEDGED, fresh.toString()), Duration.ofSeconds(30));
        assertEquals("district:akimat:" + districtKato,
                ContractJson.mapper().readValue(record.value(), Acknowledged.class).bodyCode());

        // The office no longer holds it: it drops out of the office's inbox and the office cannot answer it.
        as(office).queryParam("open", "true").get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", not(hasItem(fresh.toString())));
        as(office).contentType("application/json")
                .body(Map.of("outcome", "SATISFIED", "text", "Late answer", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", fresh).then().statusCode(404);
        asHigherBody(Roles.DISTRICT_AKIMAT, districtKato).contentType("application/json")
                .body(Map.of("outcome", "SATISFIED", "text", "The district repaired the road", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", fresh).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer.answeredBy", equalTo(Roles.DISTRICT_AKIMAT + "-" + districtKato));
    }

    private UUID appeal(LocalDate registrationDay, String receiptNumber, String category) {
        return appeal(registrationDay, receiptNumber, category, null);
    }

    /** An appeal routed to the office, in routing's issue {@code issueId} (null: routing grouped it with none). */
    private UUID appeal(LocalDate registrationDay, String receiptNumber, String category, UUID issueId) {
        UUID id = UUID.randomUUID();
        Routed base = routed(id, office, registrationDay, receiptNumber + "-" + id, now());
        send(routing, new Routed(id, base.receiptNumber(), base.body(), base.ruralDistrictKato(), base.districtKato(),
                base.regionKato(), base.method(), base.reason(), base.appealType(), category, base.description(),
                base.language(), registrationDay, base.occurredAt(), null, issueId));
        awaitAppeal(office, id);
        return id;
    }

    /** The latest registration day whose term ends within five working days from today but not before today. */
    private LocalDate registeredDueSoon() {
        LocalDate dueBy = deadlines.calendar().addWorkingDays(today, 5);
        LocalDate day = today;
        while (deadlines.answerDue(day).isAfter(dueBy)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private static Object[] ids(UUID... ids) {
        return Arrays.stream(ids).map(UUID::toString).toArray();
    }
}
