package kz.appeals.intake.api;

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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
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

    private static Response post(String body, String language) {
        return given().header("Authorization", FRONTEND).header("Accept-Language", language)
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals");
    }

    private static String withoutApplicant(String appealJson) {
        return appealJson.replaceAll("\"applicant\":\\{[^}]*},", "");
    }
}
