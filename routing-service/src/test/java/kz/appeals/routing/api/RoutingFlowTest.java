package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.StepOutcome;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing against the real test PostgreSQL and Kafka, with the bundled SAMPLE territory. */
@QuarkusTest
class RoutingFlowTest {

    static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));
    static final String OPERATOR = Tokens.bearer(Tokens.forRole(Roles.OPERATOR));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @BeforeEach
    void loadSampleTerritory() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200);
    }

    @Test
    void theReferenceDataGroupSaysATerritoryIsLoaded() {
        given().get("/q/health/group/reference-data").then().statusCode(200)
                .body("checks.find { it.name == 'territory' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'territory' }.data.units", greaterThan(99));
    }

    @Test
    void importPublishesSettlementsAndIsHarmlessToRepeat() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200)
                .body("classifier.added", equalTo(0)).body("classifier.changed", equalTo(0))
                .body("akims.rows", equalTo(99)).body("akims.changed", equalTo(0))
                .body("boundaries.rows", equalTo(99)).body("boundaries.added", equalTo(0));
        given().header("Authorization", OPERATOR).get("/api/v1/territory/991021000")
                .then().statusCode(200).body("level", equalTo("RURAL_DISTRICT"))
                .body("akimName", notNullValue());
        given().header("Authorization", OPERATOR).get("/api/v1/territory/99102100")
                .then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND)))
                .post("/api/v1/admin/territory/import?source=sample").then().statusCode(403);
    }

    @Test
    void aSubmittedAppealWithASettlementCodeIsRoutedToItsRuralAkimOnce() {
        UUID appealId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            String submitted = EventJson.write(submitted(appealId, "roads",
                    new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)));
            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, eventId, appealId.toString()), submitted);
            AppealEvents.Routed routed = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), WAIT).value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT, routed.body().code());
            assertEquals(RoutingMethod.KATO, routed.method());
            assertEquals(List.of(RoutingMethod.KATO, RoutingMethod.CATEGORY),
                    routed.steps().stream().map(AppealEvents.RoutingStep::method).toList());
            assertTrue(routed.issueId() != null);

            // the same event delivered again changes nothing and publishes nothing
            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, eventId, appealId.toString()), submitted);
            assertTrue(routing.collect(Duration.ofSeconds(3)).stream()
                    .noneMatch(r -> appealId.toString().equals(r.key())), "duplicate must not be routed twice");
        }
        given().header("Authorization", OPERATOR).get("/api/v1/routes/" + appealId)
                .then().statusCode(200).body("status", equalTo("ROUTED")).body("method", equalTo("KATO"))
                .body("steps[0].outcome", equalTo("DECIDED"));
        // the decision's lag since registration is measured (once it committed)
        assertTrue(given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .anyMatch(line -> line.startsWith("appeals_routing_lag_seconds_count{outcome=\"routed\"}")
                        && !line.endsWith(" 0.0")), "appeals_routing_lag_seconds not exported");
    }

    @Test
    void theRoutedEventContinuesTheTraceOfTheSubmittedEvent() {
        UUID appealId = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String upstreamSpan = "00f067aa0ba902b7";
        Map<String, String> headers = new HashMap<>(
                KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, UUID.randomUUID(), appealId.toString()));
        headers.put("traceparent", "00-" + traceId + "-" + upstreamSpan + "-00");
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            routing.send(Topics.INTAKE, appealId.toString(), headers, EventJson.write(submitted(appealId, "roads",
                    new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null))));
            String traceparent = KafkaProbe.header(
                    routing.await(KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), WAIT), "traceparent");
            // version-traceid-parentid-flags: same trace, parent is routing's own publish span, not the upstream one
            String[] fields = traceparent.split("-");
            assertEquals(List.of("00", traceId), List.of(fields[0], fields[1]), traceparent);
            assertEquals(16, fields[2].length(), traceparent);
            assertNotEquals(upstreamSpan, fields[2], traceparent);
        }
    }

    @Test
    void withoutACodeThePointDecidesAndWithoutAPointTheAddress() {
        UUID byPoint = UUID.randomUUID();
        UUID byAddress = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            // the SAMPLE boundary of rural district 991023000 spans about 68.0–68.67 E, 48.1–48.75 N
            submit(routing, submitted(byPoint, "roads", new Location(null, 48.4375, 68.333, null)));
            submit(routing, submitted(byAddress, "roads", new Location("990000999", 55.75, 37.62,
                    "Sarybulak auyly, near the school")));
            AppealEvents.Routed point = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, byPoint.toString()), WAIT).value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:991023000", point.body().code());
            assertEquals(RoutingMethod.COORDINATES, point.method());
            AppealEvents.Routed address = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, byAddress.toString()), WAIT).value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:991025000", address.body().code());
            assertEquals(RoutingMethod.ADDRESS, address.method());
            assertEquals(List.of(StepOutcome.NO_MATCH, StepOutcome.NO_MATCH, StepOutcome.DECIDED, StepOutcome.DECIDED),
                    address.steps().stream().map(AppealEvents.RoutingStep::outcome).toList());
            assertTrue(address.steps().get(1).detail().contains("outside Kazakhstan"), address.steps().get(1).detail());
        }
    }

    @Test
    void aRedirectExcludesTheBodyAndTheDistrictAkimatAnswersNext() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            submit(routing, submitted(appealId, "roads", new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)));
            routing.await(KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), WAIT);
            String body = "rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT;
            routing.send(Topics.RESPONSE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.REDIRECT_REQUESTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(new AppealEvents.RedirectRequested(appealId, body, "Облыстық жол — біздің құзыретімізде емес",
                            "akim-office-991021000", Instant.now())));
            AppealEvents.Redirected redirected = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.REDIRECTED, appealId.toString()), WAIT).value(),
                    AppealEvents.Redirected.class);
            assertEquals(body, redirected.fromBody().code());
            assertEquals("district:akimat:991000000", redirected.body().code());
            assertTrue(redirected.reason().contains("Облыстық жол"), redirected.reason());
        }
    }

    @Test
    void anUnroutableAppealWaitsInTriageUntilAnOperatorPlacesIt() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING);
             KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("routing"))) {
            routing.send(Topics.INTAKE, "poison", KafkaProbe.cloudEventHeaders(EventType.SUBMITTED,
                    UUID.randomUUID(), "poison"), "{\"appealId\":\"not-a-uuid\"}");
            ConsumerRecord<String, String> parked = deadLetters.await(r -> "poison".equals(r.key()), WAIT);
            assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("violates"));

            submit(routing, submitted(appealId, "roads", new Location("991099001", null, null, "возле старой мельницы")));
            AppealEvents.NeedsTriage triage = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.NEEDS_TRIAGE, appealId.toString()), WAIT).value(),
                    AppealEvents.NeedsTriage.class);
            assertTrue(triage.reason().contains("991099001"), triage.reason());
            assertEquals(3, triage.steps().size());

            // oldest first: other modules' appeals on the shared test database may fill the default page of 100
            given().header("Authorization", OPERATOR).get("/api/v1/triage?limit=1000")
                    .then().statusCode(200).body("appealId", hasItem(appealId.toString()));
            given().header("Authorization", OPERATOR).contentType("application/json")
                    .body("{\"katoCode\":\"12\",\"note\":\"x\"}").post("/api/v1/triage/" + appealId + "/assignment")
                    .then().statusCode(422).contentType("application/problem+json").body("errors[0].field", equalTo("katoCode"));
            given().header("Authorization", OPERATOR).contentType("application/json")
                    .body("{\"katoCode\":\"992021001\",\"note\":\"Called the applicant: the mill is in Bereke\"}")
                    .post("/api/v1/triage/" + appealId + "/assignment")
                    .then().statusCode(200).body("status", equalTo("ROUTED")).body("method", equalTo("MANUAL"));
            AppealEvents.Routed routed = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), WAIT).value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:992021000", routed.body().code());
            assertEquals(RoutingMethod.MANUAL, routed.method());
            given().header("Authorization", OPERATOR).contentType("application/json")
                    .body("{\"katoCode\":\"992021001\",\"note\":\"again\"}").post("/api/v1/triage/" + appealId + "/assignment")
                    .then().statusCode(409);
        }
    }

    @Test
    void anAppealNoPublicBodyHandlesIsAnsweredAsSuch() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            submit(routing, submitted(appealId, "private-dispute", new Location(SampleCitizens.SAMPLE_SETTLEMENT, null, null, null)));
            AppealEvents.OutsideCompetence outside = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.OUTSIDE_COMPETENCE, appealId.toString()), WAIT).value(),
                    AppealEvents.OutsideCompetence.class);
            assertTrue(outside.reason().contains("court"), outside.reason());
        }
        given().header("Authorization", OPERATOR).get("/api/v1/routes/" + appealId)
                .then().statusCode(200).body("status", equalTo("OUTSIDE_COMPETENCE"));
    }

    @Test
    void openAppealsAboutTheSameProblemNearbyShareAnIssue() {
        UUID first = UUID.randomUUID();
        UUID near = UUID.randomUUID();
        UUID far = UUID.randomUUID();
        UUID otherCategory = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            submit(routing, submitted(first, "street-lights", new Location(null, 48.6, 68.9, null)));
            UUID issue = EventJson.read(routing.await(KafkaProbe.ofType(EventType.ROUTED, first.toString()), WAIT)
                    .value(), AppealEvents.Routed.class).issueId();
            // about 110 m north, 1.1 km north, and the same spot in another category
            submit(routing, submitted(near, "street-lights", new Location(null, 48.601, 68.9, null)));
            submit(routing, submitted(far, "street-lights", new Location(null, 48.61, 68.9, null)));
            submit(routing, submitted(otherCategory, "roads", new Location(null, 48.6, 68.9, null)));
            assertEquals(issue, issueOf(routing, near));
            assertNotEquals(issue, issueOf(routing, far));
            assertNotEquals(issue, issueOf(routing, otherCategory));
        }
    }

    private static UUID issueOf(KafkaProbe routing, UUID appealId) {
        return EventJson.read(routing.await(KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), WAIT).value(),
                AppealEvents.Routed.class).issueId();
    }

    @Test
    void readingRoutesNeedsTheOperatorRole() {
        given().get("/api/v1/routes/" + UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND)))
                .get("/api/v1/routes/" + UUID.randomUUID()).then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND))).get("/api/v1/triage")
                .then().statusCode(403);
        given().header("Authorization", OPERATOR).get("/api/v1/routes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    static void submit(KafkaProbe probe, AppealEvents.Submitted submitted) {
        probe.send(Topics.INTAKE, submitted.appealId().toString(), KafkaProbe.cloudEventHeaders(EventType.SUBMITTED,
                UUID.randomUUID(), submitted.appealId().toString()), EventJson.write(submitted));
    }

    static AppealEvents.Submitted submitted(UUID appealId, String category, Location location) {
        Instant now = Instant.now();
        return new AppealEvents.Submitted(appealId, "KZ26-0000001-X", AppealType.APPLICATION, category,
                "Жол жөндеу керек", Language.kk, location, "egov", "ab".repeat(32), false, 0, now,
                LocalDate.of(2026, 11, 23), now);
    }
}
