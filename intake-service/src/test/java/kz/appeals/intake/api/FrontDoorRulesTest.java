package kz.appeals.intake.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import kz.appeals.testing.TestInfrastructure;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anonymity, the signed-in citizen, languages of problems, body size and flood limits. */
@QuarkusTest
class FrontDoorRulesTest {

    private static final String FRONTEND = Tokens.bearer(Tokens.forRole(Roles.FRONTEND));

    @Inject
    IntakeFixtures fixtures;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void problemTitlesSpeakTheClientsLanguage() {
        fixtures.sampleSettlementKnown();
        String bad = SampleCitizens.appealJson("991099999", SampleCitizens.randomIin());
        post(bad, "kk").then().statusCode(422).header("Content-Language", "kk")
                .body("title", equalTo("Сұрау дұрыс толтырылмаған")).body("errors.code", hasItem("unknown"));
        post(bad, "ru-KZ, kk;q=0.5").then().statusCode(422).header("Content-Language", "ru")
                .body("title", equalTo("Запрос заполнен неверно"))
                .body("errors.message", hasItem("Неизвестное значение"));
        post(bad, "de").then().statusCode(422).header("Content-Language", "en")
                .body("title", equalTo("Request is not valid"));
        given().header("Authorization", FRONTEND).header("Accept-Language", "kk").contentType(ContentType.JSON)
                .body("{\"appealType\": ").post("/api/v1/appeals").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Сұрау денесі дұрыс JSON емес"));
    }

    /** A malformed field and broken rules come back in one answer, not one round each; the shape decides the 400. */
    @Test
    void everyErrorOfARequestComesInOneAnswer() {
        fixtures.sampleSettlementKnown();
        long appeals = fixtures.count("select count(*) from appeal");
        String wrongEverywhere = SampleCitizens.appealJson("991099999", "900101300018", "no-such-category", "{}")
                .replaceAll("\"phone\":\"[^\"]*\"", "\"phone\":\"8701\"");
        post(wrongEverywhere, "en").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://appeals.kz/problems/validation"))
                .body("errors.field", containsInAnyOrder("applicant.phone", "categoryCode", "applicant.iin",
                        "location.katoCode"));
        String malformedAnonymous = withoutApplicant(wrongEverywhere).replaceAll("\"description\":\"[^\"]*\",", "");
        post(malformedAnonymous, "en").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("description", "applicant", "categoryCode",
                        "location.katoCode"));
        assertEquals(appeals, fixtures.count("select count(*) from appeal"));
    }

    @Test
    void anonymousAppealsAreRefusedExceptPublicSafetyReports() {
        fixtures.sampleSettlementKnown();
        long appeals = fixtures.count("select count(*) from appeal");
        String anonymousRoads = withoutApplicant(SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin()));
        post(anonymousRoads, "ru").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://appeals.kz/problems/anonymous-not-accepted"))
                .body("title", equalTo("Анонимные обращения не рассматриваются"))
                .body("errors.field", hasItem("applicant"));
        post(anonymousRoads.replace("\"APPLICATION\"", "\"REPORT\""), "kk").then().statusCode(422)
                .body("title", equalTo("Жасырын өтініштер қаралмайды"));
        assertEquals(appeals, fixtures.count("select count(*) from appeal"));

        String signal = anonymousRoads.replace("\"APPLICATION\"", "\"REPORT\"")
                .replace("\"roads\"", "\"public-safety\"")
                .replace("{\"defect\":\"pothole\"}", "{\"immediate-danger\":\"yes\"}");
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            String appealId = post(signal, "kk").then().statusCode(201).extract().path("appealId");
            AppealEvents.Submitted submitted = EventJson.read(intake.await(
                    KafkaProbe.ofType(EventType.SUBMITTED, appealId), Duration.ofSeconds(20)).value(),
                    AppealEvents.Submitted.class);
            assertTrue(submitted.anonymousSignal());
            assertNull(submitted.applicantRef());
        }
    }

    @Test
    void theCategorysAttributesAreCheckedAndListed() {
        fixtures.sampleSettlementKnown();
        given().get("/api/v1/categories").then().statusCode(200)
                .body("find { it.code == 'roads' }.attributes[0].code", equalTo("defect"))
                .body("find { it.code == 'roads' }.attributes[0].required", equalTo(true))
                .body("find { it.code == 'roads' }.attributes[0].values.key", hasItem("pothole"))
                .body("find { it.code == 'public-safety' }.takesAnonymousSignals", equalTo(true));
        long appeals = fixtures.count("select count(*) from appeal");
        String valid = SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin());
        post(valid.replace("{\"defect\":\"pothole\"}", "{}"), "en").then().statusCode(422)
                .body("errors.field", hasItem("attributes.defect")).body("errors.code", hasItem("required"));
        post(valid.replace("\"pothole\"", "\"meteor\""), "en").then().statusCode(422)
                .body("errors.code", hasItem("not-in-list"));
        post(valid.replace("{\"defect\":\"pothole\"}", "{\"defect\":\"pothole\",\"colour\":\"red\"}"), "en")
                .then().statusCode(422).body("errors.field", hasItem("attributes.colour"));
        assertEquals(appeals, fixtures.count("select count(*) from appeal"));
    }

    @Test
    void theApplicantMustBeTheSignedInCitizen() {
        fixtures.sampleSettlementKnown();
        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(SampleCitizens.randomIin())))
                .contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin()))
                .post("/api/v1/appeals").then().statusCode(422)
                .body("errors.code", hasItem("not-signed-in-citizen"));
    }

    @Test
    void anOversizedBodyIsRefusedUnread() {
        long appeals = fixtures.count("select count(*) from appeal");
        String huge = SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin())
                .replace("\"egov\"", "\"" + "x".repeat(300_000) + "\"");
        post(huge, "ru").then().statusCode(413).contentType("application/problem+json")
                .body("title", equalTo("Слишком большой запрос"));
        assertEquals(appeals, fixtures.count("select count(*) from appeal"));
    }

    @Test
    void aCitizenSubmittingInAFloodIsToldWhenToRetry() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String citizen = Tokens.bearer(Tokens.forCitizen(iin));
        List<Response> responses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            responses.add(given().header("Authorization", citizen).contentType(ContentType.JSON)
                    .body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin)).post("/api/v1/appeals"));
        }
        long created = responses.stream().filter(r -> r.statusCode() == 201).count();
        List<Response> refused = responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertEquals(25, created + refused.size(), "every request either created or refused");
        assertTrue(created <= 21 && created >= 20, "a burst of 20 passes (one may refill), got " + created);
        refused.forEach(r -> {
            assertEquals("application/problem+json", r.contentType());
            assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1, "Retry-After in seconds");
        });
    }

    @Test
    void oneApplicantsAppealsAreLimitedWhateverTheTokenAndRetriesAreNotCounted() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String frontEnd = Tokens.bearer(Tokens.unique(Roles.FRONTEND));
        String retriedKey = UUID.randomUUID().toString();
        String body = SampleCitizens.appealJson(IntakeFixtures.KATO, iin);
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", frontEnd).header("Idempotency-Key", retriedKey)
                    .contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then()
                    .statusCode(i == 0 ? 201 : 200);
        }
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add(given().header("Authorization", frontEnd).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin))
                    .post("/api/v1/appeals").statusCode());
        }
        long created = statuses.stream().filter(status -> status == 201).count();
        assertTrue(created >= 19 && created <= 20,
                "a burst of 20 for the applicant, the first counted once for its 5 tries: " + statuses);
        assertTrue(statuses.contains(429), "then 429 although the token names no citizen: " + statuses);
    }

    /**
     * PostgreSQL drops every connection intake holds (as a restart or failover does) before each try: a submission
     * that meets a dead connection is a 503 problem with Retry-After, never a 500, and its retry with the same
     * Idempotency-Key stores the appeal once. Which borrowed connection is dead is up to the pool, hence several
     * tries, at least one of which must meet the outage. The retry comes after the client's pause, when the pool
     * checks the connections that sat idle through the outage (foreground validation) and replaces the dead ones.
     */
    @Test
    void aDatabaseOutageIsA503WithRetryAfterAndTheRetryStoresTheAppealOnce() throws SQLException {
        fixtures.sampleSettlementKnown();
        String body = SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin());
        List<String> keysRefused = new ArrayList<>();
        try (Connection superuser = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres")) {
            for (int attempt = 0; attempt < 10 && keysRefused.isEmpty(); attempt++) {
                String key = UUID.randomUUID().toString();
                superuser.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where usename = 'intake' and pid <> pg_backend_pid()");
                Response answer = given().header("Authorization", FRONTEND).header("Accept-Language", "ru")
                        .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                        .post("/api/v1/appeals");
                if (answer.statusCode() != 201) {
                    answer.then().statusCode(503).contentType("application/problem+json")
                            .header("Retry-After", "5").header("Content-Language", "ru")
                            .body("type", equalTo("https://appeals.kz/problems/database-unavailable"))
                            .body("title", equalTo("Сервис временно недоступен"));
                    keysRefused.add(key);
                }
            }
            assertEquals(1, keysRefused.size(), "no submission met the dropped connections");
            String key = keysRefused.get(0);
            pauseBeyondTheIdleCheck();
            given().header("Authorization", FRONTEND).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/appeals").then().statusCode(201);
            given().header("Authorization", FRONTEND).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(body).post("/api/v1/appeals").then().statusCode(200); // the original result, replayed
            try (PreparedStatement stored = superuser.prepareStatement(
                    "select count(*) from intake.idempotency_key where idempotency_key = ?")) {
                stored.setString(1, key);
                try (ResultSet rows = stored.executeQuery()) {
                    rows.next();
                    assertEquals(1, rows.getLong(1), "one appeal under the retried key");
                }
            }
        }
    }

    /**
     * A load that outruns the database leaves every pooled connection lent out: a submission that waits past the
     * pool's acquisition timeout is told to retry (503 service-busy), not shown a 500, and stores nothing; the retry
     * with the same key stores it. The test borrows the whole pool itself, so no background work can free one.
     */
    @Test
    void everyConnectionBusyIsA503ServiceBusyAndTheRetryStoresTheAppeal() throws SQLException {
        fixtures.sampleSettlementKnown();
        String body = SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin());
        String key = UUID.randomUUID().toString();
        long appeals = fixtures.count("select count(*) from appeal");
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        List<Connection> borrowed = new ArrayList<>();
        try {
            while (borrowed.size() < poolSize) {
                borrowed.add(dataSource.getConnection());
            }
            given().header("Authorization", FRONTEND).header("Accept-Language", "kk").header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(body).post("/api/v1/appeals")
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "2").header("Content-Language", "kk")
                    .body("type", equalTo("https://appeals.kz/problems/service-busy"))
                    .body("title", equalTo("Қызмет бос емес, сәл кейін қайталаңыз"));
        } finally {
            for (Connection connection : borrowed) {
                connection.close();
            }
        }
        assertEquals(appeals, fixtures.count("select count(*) from appeal"), "the refused submission stored nothing");
        given().header("Authorization", FRONTEND).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/appeals").then().statusCode(201);
        assertEquals(appeals + 1, fixtures.count("select count(*) from appeal"));
    }

    private static void pauseBeyondTheIdleCheck() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response post(String body, String language) {
        return given().header("Authorization", FRONTEND).header("Accept-Language", language)
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals");
    }

    private static String withoutApplicant(String appealJson) {
        return appealJson.replaceAll("\"applicant\":\\{[^}]*},", "");
    }
}
