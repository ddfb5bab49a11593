package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The citizen's timeline, fed by lifecycle events sent to the real broker the way the other services send them. */
@QuarkusTest
class CitizenTimelineTest {

    private static final Body AKIM = new Body("rural-akim:991021000", BodyLevel.RURAL_DISTRICT, "991021000",
            "Ақбұлақ ауылдық округі әкімінің аппараты", "Аппарат акима Акбулакского сельского округа");
    private static final Body DISTRICT = new Body("district:akimat:991020000", BodyLevel.DISTRICT_AKIMAT, "991020000",
            "Аудан әкімдігі", "Акимат района");
    private static final Body OTHER_AKIM = new Body("rural-akim:991022000", BodyLevel.RURAL_DISTRICT, "991022000",
            "Көршілес ауылдық округ әкімінің аппараты", "Аппарат акима соседнего сельского округа");
    @Inject
    IntakeFixtures fixtures;

    /** The calendar intake counts with now: other tests publish calendar years, which intake then applies. */
    @Inject
    DeadlinePolicy deadlines;

    @Test
    void theApplicantFollowsEveryStepWhateverOrderTheEventsArriveIn() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String citizen = Tokens.bearer(Tokens.forCitizen(iin));
        var receipt = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin)).post("/api/v1/appeals")
                .then().statusCode(201).extract().jsonPath();
        UUID appealId = UUID.fromString(receipt.getString("appealId"));
        String receiptNumber = receipt.getString("receiptNumber");
        LocalDate registrationDay = LocalDate.parse(receipt.getString("registrationDay"));
        Instant routedAt = Instant.now().plusSeconds(60);

        // Routing, if its tests share the broker, may route the appeal for real meanwhile: assertions below are
        // about the events this test sends, which all happen later than anything real.
        given().header("Authorization", citizen).get("/api/v1/appeals/" + receiptNumber).then().statusCode(200)
                .body("status", oneOf("REGISTERED", "ROUTED", "UNDER_REVIEW"));

        UUID answeredId = UUID.randomUUID();
        try (KafkaProbe broker = new KafkaProbe(Topics.RESPONSE)) {
            // The answer overtakes the routing decision it follows (they travel on different topics).
            send(broker, EventType.ANSWERED, answeredId, new AppealEvents.Answered(appealId, AKIM.code(),
                    AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол жөнделді.", 1, "clerk-1",
                    routedAt.plusSeconds(3600)));
            send(broker, EventType.ROUTED, UUID.randomUUID(), new AppealEvents.Routed(appealId, receiptNumber, AKIM,
                    "991021000", "991020000", "991000000", AppealEvents.RoutingMethod.KATO, "KATO settlement",
                    AppealEvents.AppealType.APPLICATION, "roads", "…", AppealEvents.Language.kk, registrationDay,
                    routedAt));
            send(broker, EventType.ACKNOWLEDGED, UUID.randomUUID(),
                    new AppealEvents.Acknowledged(appealId, AKIM.code(), "clerk-1", routedAt.plusSeconds(60)));
            // Redelivery of the answer: one step, not two.
            send(broker, EventType.ANSWERED, answeredId, new AppealEvents.Answered(appealId, AKIM.code(),
                    AppealEvents.Outcome.SATISFIED, AppealEvents.Language.kk, "Жол жөнделді.", 1, "clerk-1",
                    routedAt.plusSeconds(3600)));
        }

        eventually(() -> given().header("Authorization", citizen).get("/api/v1/appeals/" + receiptNumber)
                .then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("steps.kind", hasItems("ROUTED", "TAKEN_INTO_WORK", "ANSWERED"))
                .body("steps.findAll { it.kind == 'ANSWERED' }.size()", equalTo(1))
                .body("steps[-1].kind", equalTo("ANSWERED"))
                .body("steps[-1].text", equalTo("Жол жөнделді."))
                .body("body.code", equalTo(AKIM.code()))
                .body("dueOn", equalTo(deadlines.answerDue(registrationDay).toString())));

        LocalDate escalatedDue = registrationDay.plusMonths(1);
        try (KafkaProbe broker = new KafkaProbe(Topics.ESCALATION)) {
            send(broker, EventType.REOPENED, UUID.randomUUID(), new AppealEvents.Reopened(appealId, AKIM.code(),
                    "Жол әлі жөнделмеген", 2, routedAt.plusSeconds(7200)));
            send(broker, EventType.ESCALATED, UUID.randomUUID(), new AppealEvents.Escalated(appealId, AKIM, DISTRICT,
                    registrationDay, escalatedDue, routedAt.plusSeconds(9000)));
        }
        eventually(() -> given().header("Authorization", citizen).get("/api/v1/appeals/" + appealId)
                .then().statusCode(200)
                .body("status", equalTo("ESCALATED")).body("cycle", equalTo(2))
                .body("body.code", equalTo(DISTRICT.code())).body("dueOn", equalTo(escalatedDue.toString()))
                .body("steps.kind", hasItems("ROUTED", "TAKEN_INTO_WORK", "ANSWERED", "REOPENED", "ESCALATED"))
                .body("steps[-2].kind", equalTo("REOPENED")).body("steps[-1].kind", equalTo("ESCALATED")));
    }

    /** The dates shown are the ones the escalation service's clock counts (issue 22, item 2). */
    @Test
    void theDueDateFollowsARedirectAndTheReopeningsPublishedDate() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String citizen = Tokens.bearer(Tokens.forCitizen(iin));
        var receipt = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin)).post("/api/v1/appeals")
                .then().statusCode(201).extract().jsonPath();
        UUID appealId = UUID.fromString(receipt.getString("appealId"));
        String receiptNumber = receipt.getString("receiptNumber");
        LocalDate registrationDay = LocalDate.parse(receipt.getString("registrationDay"));
        Instant redirectedAt = registrationDay.plusDays(7).atTime(10, 0).toInstant(AppkTerms.NATIONAL_OFFSET);
        LocalDate redirectedDue = deadlines.answerDue(deadlines.redirectedTermStart(registrationDay, redirectedAt));

        try (KafkaProbe broker = new KafkaProbe(Topics.ROUTING)) {
            send(broker, EventType.REDIRECTED, UUID.randomUUID(), new AppealEvents.Redirected(appealId,
                    receiptNumber, AKIM, OTHER_AKIM, "991022000", "991020000", "991000000",
                    AppealEvents.RoutingMethod.MANUAL, "Not the first body's competence",
                    AppealEvents.AppealType.APPLICATION, "roads", "…", AppealEvents.Language.kk, registrationDay,
                    redirectedAt));
        }
        eventually(() -> given().header("Authorization", citizen).get("/api/v1/appeals/" + receiptNumber)
                .then().statusCode(200).body("body.code", equalTo(OTHER_AKIM.code()))
                .body("dueOn", equalTo(redirectedDue.toString())));

        LocalDate reopenedDue = redirectedDue.plusMonths(1);
        try (KafkaProbe broker = new KafkaProbe(Topics.RESPONSE)) {
            send(broker, EventType.REOPENED, UUID.randomUUID(), new AppealEvents.Reopened(appealId,
                    OTHER_AKIM.code(), "Жол әлі жөнделмеген", 2, redirectedAt.plusSeconds(86_400), null,
                    reopenedDue));
        }
        eventually(() -> given().header("Authorization", citizen).get("/api/v1/appeals/" + receiptNumber)
                .then().statusCode(200).body("dueOn", equalTo(reopenedDue.toString())));
    }

    /**
     * An operator places an appeal its first body disclaimed (a redirect request routing found no other body for):
     * the escalation service's clock gives the new body its own term from the placement, as after a redirect, and
     * the citizen sees that date (it was counted from registration before).
     */
    @Test
    void anOperatorsPlacementAfterADisclaimCountsTheNewBodysTermFromThePlacement() {
        Filed filed = file();
        Instant routedAt = filed.registrationDay().atTime(9, 30).toInstant(AppkTerms.NATIONAL_OFFSET);
        Instant placedAt = filed.registrationDay().plusDays(8).atTime(11, 0).toInstant(AppkTerms.NATIONAL_OFFSET);
        LocalDate fromPlacement = deadlines.answerDue(deadlines.redirectedTermStart(filed.registrationDay(), placedAt));
        assertNotEquals(deadlines.answerDue(filed.registrationDay()), fromPlacement);

        try (KafkaProbe broker = new KafkaProbe(Topics.ROUTING)) {
            send(broker, EventType.ROUTED, UUID.randomUUID(), routed(filed, AKIM, AppealEvents.RoutingMethod.KATO,
                    routedAt));
            send(broker, EventType.NEEDS_TRIAGE, UUID.randomUUID(), new AppealEvents.NeedsTriage(filed.appealId(),
                    filed.receiptNumber(), "The body asked for a redirect; no other body found",
                    routedAt.plusSeconds(5 * 86_400)));
            send(broker, EventType.ROUTED, UUID.randomUUID(), routed(filed, OTHER_AKIM,
                    AppealEvents.RoutingMethod.MANUAL, placedAt));
        }
        eventually(() -> filed.timeline().body("body.code", equalTo(OTHER_AKIM.code()))
                .body("dueOn", equalTo(fromPlacement.toString())));
    }

    /**
     * A redirect in a reopened cycle leaves the reopening's term, as the escalation service's clock and response's
     * inbox count it (the redirect's own term applies in the first cycle only); before, the citizen saw the
     * redirect's.
     */
    @Test
    void aRedirectInAReopenedCycleKeepsTheReopeningsTerm() {
        Filed filed = file();
        Instant routedAt = filed.registrationDay().atTime(9, 30).toInstant(AppkTerms.NATIONAL_OFFSET);
        Instant reopenedAt = routedAt.plusSeconds(20 * 86_400);
        LocalDate reopenedDue = deadlines.answerDue(deadlines.calendar().registrationDay(reopenedAt));
        Instant redirectedAt = reopenedAt.plusSeconds(2 * 86_400);
        assertNotEquals(reopenedDue,
                deadlines.answerDue(deadlines.redirectedTermStart(filed.registrationDay(), redirectedAt)));

        try (KafkaProbe broker = new KafkaProbe(Topics.ROUTING)) {
            send(broker, EventType.ROUTED, UUID.randomUUID(), routed(filed, AKIM, AppealEvents.RoutingMethod.KATO,
                    routedAt));
            send(broker, EventType.REOPENED, UUID.randomUUID(), new AppealEvents.Reopened(filed.appealId(),
                    AKIM.code(), "Жол әлі жөнделмеген", 2, reopenedAt, null, reopenedDue));
            send(broker, EventType.REDIRECTED, UUID.randomUUID(), new AppealEvents.Redirected(filed.appealId(),
                    filed.receiptNumber(), AKIM, OTHER_AKIM, "991022000", "991020000", "991000000",
                    AppealEvents.RoutingMethod.MANUAL, "Not the first body's competence",
                    AppealEvents.AppealType.APPLICATION, "roads", "…", AppealEvents.Language.kk,
                    filed.registrationDay(), redirectedAt));
        }
        eventually(() -> filed.timeline().body("body.code", equalTo(OTHER_AKIM.code())).body("cycle", equalTo(2))
                .body("dueOn", equalTo(reopenedDue.toString())));
    }

    /**
     * After an administrator loads a calendar year, the escalation service publishes the due dates it moved; the
     * citizen sees the new one for the term it recalculated, and a recalculation of a term the appeal does not show
     * (another body's) changes nothing — had it been taken, the right one would no longer match.
     */
    @Test
    void aDueDateACalendarLoadMovedReplacesTheOneShown() {
        Filed filed = file();
        Instant routedAt = filed.registrationDay().atTime(9, 30).toInstant(AppkTerms.NATIONAL_OFFSET);
        LocalDate shown = deadlines.answerDue(filed.registrationDay());
        try (KafkaProbe broker = new KafkaProbe(Topics.ROUTING)) {
            send(broker, EventType.ROUTED, UUID.randomUUID(), routed(filed, AKIM, AppealEvents.RoutingMethod.KATO,
                    routedAt));
        }
        eventually(() -> filed.timeline().body("dueOn", equalTo(shown.toString())));

        LocalDate moved = deadlines.calendar().addWorkingDays(shown, 1);
        Instant loadedAt = routedAt.plusSeconds(3_600);
        try (KafkaProbe broker = new KafkaProbe(Topics.ESCALATION)) {
            send(broker, EventType.DUE_DATE_RECALCULATED, UUID.randomUUID(), new AppealEvents.DueDateRecalculated(
                    filed.appealId(), OTHER_AKIM.code(), BodyLevel.RURAL_DISTRICT, 1, shown, moved.plusDays(7),
                    moved.getYear(), loadedAt));
            send(broker, EventType.DUE_DATE_RECALCULATED, UUID.randomUUID(), new AppealEvents.DueDateRecalculated(
                    filed.appealId(), AKIM.code(), BodyLevel.RURAL_DISTRICT, 1, shown, moved, moved.getYear(),
                    loadedAt.plusSeconds(1)));
        }
        eventually(() -> filed.timeline().body("dueOn", equalTo(moved.toString()))
                .body("body.code", equalTo(AKIM.code()))
                .body("steps.kind", hasItems("ROUTED", "DUE_DATE_RECALCULATED")));
    }

    /** An appeal the citizen filed, and how to read its timeline. */
    private record Filed(UUID appealId, String receiptNumber, LocalDate registrationDay, String citizen) {
        ValidatableResponse timeline() {
            return given().header("Authorization", citizen).get("/api/v1/appeals/" + receiptNumber).then()
                    .statusCode(200);
        }
    }

    private Filed file() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String citizen = Tokens.bearer(Tokens.forCitizen(iin));
        var receipt = given().header("Authorization", citizen).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin)).post("/api/v1/appeals")
                .then().statusCode(201).extract().jsonPath();
        return new Filed(UUID.fromString(receipt.getString("appealId")), receipt.getString("receiptNumber"),
                LocalDate.parse(receipt.getString("registrationDay")), citizen);
    }

    private static AppealEvents.Routed routed(Filed filed, Body body, AppealEvents.RoutingMethod method,
                                              Instant at) {
        return new AppealEvents.Routed(filed.appealId(), filed.receiptNumber(), body, body.katoCode(), "991020000",
                "991000000", method, "KATO settlement", AppealEvents.AppealType.APPLICATION, "roads", "…",
                AppealEvents.Language.kk, filed.registrationDay(), at);
    }

    @Test
    void noOneElseSeesTheAppeal() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String receiptNumber = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .contentType(ContentType.JSON).body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin))
                .post("/api/v1/appeals").then().statusCode(201).extract().path("receiptNumber");

        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(SampleCitizens.randomIin())))
                .get("/api/v1/appeals/" + receiptNumber).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND)))
                .get("/api/v1/appeals/" + receiptNumber).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, "991021000")))
                .get("/api/v1/appeals/" + receiptNumber).then().statusCode(403);
        given().get("/api/v1/appeals/" + receiptNumber).then().statusCode(401);
    }

    private static void send(KafkaProbe broker, EventType type, UUID eventId, ContractEvent data) {
        String subject = ((AppealEvents.AppealEvent) data).appealId().toString();
        broker.send(type.topic(), subject, KafkaProbe.cloudEventHeaders(type, eventId, subject), EventJson.write(data));
    }
}
