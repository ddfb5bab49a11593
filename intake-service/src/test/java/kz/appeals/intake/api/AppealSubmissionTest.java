package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intake against the real test PostgreSQL and Kafka. */
@QuarkusTest
class AppealSubmissionTest {

    private static final String FRONTEND = Tokens.bearer(Tokens.forRole(Roles.FRONTEND));
    private static final String KATO = SampleCitizens.SAMPLE_SETTLEMENT;

    @Inject
    IntakeFixtures fixtures;

    @Test
    void registersAnAppealAndPublishesItWithoutPersonalData() {
        awaitSettlementKnown();
        String iin = SampleCitizens.randomIin();
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            Response response = submit(SampleCitizens.appealJson(KATO, iin), UUID.randomUUID().toString());
            response.then().statusCode(201)
                    .header("Location", containsString("/api/v1/appeals/"))
                    .body("receiptNumber", matchesPattern("KZ\\d{2}-\\d{7}-[0-9A-Z]"))
                    .body("status", equalTo("REGISTERED"));
            String appealId = response.jsonPath().getString("appealId");

            ConsumerRecord<String, String> event = intake.await(KafkaProbe.ofType(EventType.SUBMITTED, appealId),
                    Duration.ofSeconds(20));
            assertEquals(appealId, event.key());
            assertEquals("/kz/appeals/intake", KafkaProbe.header(event, CloudEventHeaders.SOURCE));
            assertFalse(event.value().contains(iin), "IIN must not leave intake");
            assertFalse(event.value().contains("Сынақ Азамат"), "Name must not leave intake");
            AppealEvents.Submitted submitted = EventJson.read(event.value(), AppealEvents.Submitted.class);
            assertEquals(KATO, submitted.location().katoCode());
            assertEquals(64, submitted.applicantRef().length());
        }
    }

    @Test
    void theSubmittedEventContinuesTheFrontEndsTrace() {
        awaitSettlementKnown();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            String appealId = given().header("Authorization", FRONTEND)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-00")
                    .contentType(ContentType.JSON).body(SampleCitizens.appealJson(KATO, SampleCitizens.randomIin()))
                    .post("/api/v1/appeals").then().statusCode(201).extract().path("appealId");
            String traceparent = KafkaProbe.header(
                    intake.await(KafkaProbe.ofType(EventType.SUBMITTED, appealId), Duration.ofSeconds(20)),
                    "traceparent");
            assertEquals(traceId, traceparent.split("-")[1], traceparent);
        }
    }

    @Test
    void sameKeyAndBodyReturnsTheOriginalAndADifferentBodyIsRefused() {
        awaitSettlementKnown();
        String key = UUID.randomUUID().toString();
        String body = SampleCitizens.appealJson(KATO, SampleCitizens.randomIin());
        String first = submit(body, key).then().statusCode(201).extract().path("appealId");
        String again = submit(body, key).then().statusCode(200).extract().path("appealId");
        assertEquals(first, again);

        long before = appealCount();
        submit(SampleCitizens.appealJson(KATO, SampleCitizens.randomIin()), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));
        assertEquals(before, appealCount());
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneAppeal() throws Exception {
        awaitSettlementKnown();
        String key = UUID.randomUUID().toString();
        String body = SampleCitizens.appealJson(KATO, SampleCitizens.randomIin());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(() -> submit(body, key).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                        .extract().path("appealId"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> result : pool.invokeAll(attempts)) {
                ids.add(result.get());
            }
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
            assertEquals(1L, count("select count(*) from idempotency_key where idempotency_key = '" + key + "'"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedOrInvalidRequestsGetProblemsAndChangeNothing() {
        awaitSettlementKnown();
        long appeals = appealCount();
        long events = outboxCount();

        given().header("Authorization", FRONTEND).contentType(ContentType.JSON).body("{\"appealType\": ")
                .post("/api/v1/appeals").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", FRONTEND).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(KATO, SampleCitizens.randomIin()).replace("\"APPLICATION\"", "42"))
                .post("/api/v1/appeals").then().statusCode(400).body("errors.field", hasItem("appealType"));
        given().header("Authorization", FRONTEND).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(KATO, SampleCitizens.randomIin()).replace("\"description\":", "\"ignored\":"))
                .post("/api/v1/appeals").then().statusCode(400).body("errors.field", hasItem("description"));
        given().header("Authorization", FRONTEND).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson("991099999", SampleCitizens.randomIin()))
                .post("/api/v1/appeals").then().statusCode(422)
                .body("errors.field", hasItem("location.katoCode")).body("errors.code", hasItem("unknown"));
        String iin = SampleCitizens.randomIin();
        String badIin = iin.substring(0, 11) + (char) ('0' + (iin.charAt(11) - '0' + 1) % 10);
        given().header("Authorization", FRONTEND).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(KATO, badIin))
                .post("/api/v1/appeals").then().statusCode(422)
                .body("errors.field", hasItem("applicant.iin")).body("errors.code", hasItem("iin-check-digit"));

        assertEquals(appeals, appealCount());
        assertEquals(events, outboxCount());
    }

    @Test
    void onlyFrontEndsMaySubmit() {
        String body = SampleCitizens.appealJson(KATO, SampleCitizens.randomIin());
        given().contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(401);
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, "991021000")))
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then().statusCode(403);
    }

    @Test
    void aBrokenTerritoryRecordIsDeadLetteredAndTheNextIsApplied() {
        String nextKato = "9910" + String.format("%05d", (int) (Math.random() * 90_000) + 10_000);
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY);
             KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("intake"))) {
            territory.send(Topics.TERRITORY, "broken",
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), "broken"),
                    "{not json");
            ConsumerRecord<String, String> parked = deadLetters.await(r -> "broken".equals(r.key()), Duration.ofSeconds(20));
            assertTrue(KafkaProbe.header(parked, "dead-letter-reason") != null, "reason header");

            IntakeFixtures.publishSettlement(nextKato, "Жаңа ауыл", "Новое село", LocalDate.of(2026, 1, 1));
            fixtures.awaitKnown(nextKato);
        }
    }

    private static Response submit(String body, String idempotencyKey) {
        return given().header("Authorization", FRONTEND).header("Idempotency-Key", idempotencyKey)
                .header("Accept-Language", "ru").contentType(ContentType.JSON).body(body)
                .post("/api/v1/appeals");
    }

    private void awaitSettlementKnown() {
        fixtures.sampleSettlementKnown();
    }

    private long appealCount() {
        return fixtures.count("select count(*) from appeal");
    }

    private long outboxCount() {
        return fixtures.count("select count(*) from outbox_event");
    }

    private long count(String sql) {
        return fixtures.count(sql);
    }
}
