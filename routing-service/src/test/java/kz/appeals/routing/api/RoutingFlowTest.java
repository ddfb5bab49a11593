package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Routing against the real test PostgreSQL and Kafka, with the bundled SAMPLE territory. */
@QuarkusTest
class RoutingFlowTest {

    private static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));
    private static final String OPERATOR = Tokens.bearer(Tokens.forRole(Roles.OPERATOR));

    @BeforeEach
    void loadSampleTerritory() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200);
    }

    @Test
    void importPublishesSettlementsAndIsHarmlessToRepeat() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200).body("changed", equalTo(0)).body("akims", equalTo(10));
        given().header("Authorization", OPERATOR).get("/api/v1/territory/991021000")
                .then().statusCode(200).body("level", equalTo("RURAL_DISTRICT"))
                .body("akimName", org.hamcrest.Matchers.notNullValue());
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
            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, eventId, appealId.toString()),
                    EventJson.write(submitted(appealId, SampleCitizens.SAMPLE_SETTLEMENT)));
            ConsumerRecord<String, String> record = routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), Duration.ofSeconds(20));
            AppealEvents.Routed routed = EventJson.read(record.value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT, routed.body().code());
            assertEquals(AppealEvents.RoutingMethod.KATO, routed.method());

            // the same event delivered again changes nothing and publishes nothing
            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, eventId, appealId.toString()),
                    EventJson.write(submitted(appealId, SampleCitizens.SAMPLE_SETTLEMENT)));
            assertTrue(routing.collect(Duration.ofSeconds(3)).stream()
                    .noneMatch(r -> appealId.toString().equals(r.key())), "duplicate must not be routed twice");
        }
        given().header("Authorization", OPERATOR).get("/api/v1/routes/" + appealId)
                .then().statusCode(200).body("status", equalTo("ROUTED")).body("method", equalTo("KATO"));
    }

    @Test
    void aRedirectExcludesTheBodyAndWithoutAnotherRuleGoesToTriage() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(submitted(appealId, SampleCitizens.SAMPLE_SETTLEMENT)));
            routing.await(KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), Duration.ofSeconds(20));
            String body = "rural-akim:" + SampleCitizens.SAMPLE_RURAL_DISTRICT;
            routing.send(Topics.RESPONSE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.REDIRECT_REQUESTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(new AppealEvents.RedirectRequested(appealId, body, "Облыстық жол — біздің құзыретімізде емес",
                            "akim-office-991021000", Instant.now())));
            ConsumerRecord<String, String> record = routing.await(
                    KafkaProbe.ofType(EventType.NEEDS_TRIAGE, appealId.toString()), Duration.ofSeconds(20));
            assertTrue(record.value().contains(body), record.value());
        }
    }

    @Test
    void anUnknownSettlementNeedsTriageAndAPoisonRecordIsDeadLettered() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING);
             KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("routing"))) {
            routing.send(Topics.INTAKE, "poison", KafkaProbe.cloudEventHeaders(EventType.SUBMITTED,
                    UUID.randomUUID(), "poison"), "{\"appealId\":\"not-a-uuid\"}");
            ConsumerRecord<String, String> parked = deadLetters.await(r -> "poison".equals(r.key()), Duration.ofSeconds(20));
            assertTrue(KafkaProbe.header(parked, "dead-letter-reason").contains("violates"));

            routing.send(Topics.INTAKE, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.SUBMITTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(submitted(appealId, "991099001")));
            routing.await(KafkaProbe.ofType(EventType.NEEDS_TRIAGE, appealId.toString()), Duration.ofSeconds(20));
        }
    }

    @Test
    void readingRoutesNeedsTheOperatorRole() {
        given().get("/api/v1/routes/" + UUID.randomUUID()).then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.FRONTEND)))
                .get("/api/v1/routes/" + UUID.randomUUID()).then().statusCode(403);
        given().header("Authorization", OPERATOR).get("/api/v1/routes/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static AppealEvents.Submitted submitted(UUID appealId, String kato) {
        Instant now = Instant.now();
        return new AppealEvents.Submitted(appealId, "KZ26-0000001-X", AppealType.APPLICATION, "roads",
                "Жол жөндеу керек", Language.kk, new Location(kato, null, null, null), "egov",
                "ab".repeat(32), false, 0, now, LocalDate.of(2026, 11, 23), now);
    }


}
