package kz.appeals.intake.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The publication model against the real database and broker: private unless the applicant publishes; whatever is
 * public (the Open311 feed in JSON and XML, the submitted event on the topic) never shows an IIN, a phone number, an
 * e-mail address or the applicant's name, in the shapes people write them; the office still reads the citizen's own
 * words; an operator's moderation is audited.
 */
@QuarkusTest
class PublicationTest {

    private static final String HOLDER = "991021000";
    private static final String FULL_NAME = "Сапарова Айгерім Нұрланқызы";
    private static final String OPERATOR = Tokens.bearer(Tokens.forRole(Roles.OPERATOR));

    @Inject
    IntakeFixtures fixtures;

    @Inject
    EntityManager entityManager;

    @Test
    void personalDataReachesNoPublicCopyAndTheOfficeReadsTheOriginal() {
        String iin = SampleCitizens.randomIin();
        String phone = "7017" + String.format("%06d", Math.floorMod(UUID.randomUUID().hashCode(), 1_000_000));
        String description = "Менің ЖСН " + iin.substring(0, 6) + " " + iin.substring(6) + ", тел. 8 ("
                + phone.substring(0, 3) + ") " + phone.substring(3, 6) + "-" + phone.substring(6, 8) + "-"
                + phone.substring(8) + " немесе +7 777 " + phone.substring(3, 6) + " " + phone.substring(6)
                + ", почта aigerim.saparova@mail.kz. Жазған: Айгерим САПАРОВА (Aigerim Saparova). "
                + "Аулада 3 шам жанбайды.";
        String body = appealJson(iin, description, "PUBLIC");
        JsonPath receipt;
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            receipt = fixtures.routedAppeal(iin, HOLDER, body);
            String submitted = intake.await(record -> EventType.SUBMITTED.wireName()
                            .equals(KafkaProbe.header(record, CloudEventHeaders.TYPE))
                            && record.value().contains(receipt.getString("receiptNumber")), Duration.ofSeconds(20))
                    .value();
            assertNoPersonalData(submitted, iin, phone);
            assertTrue(submitted.contains("Аулада 3 шам жанбайды"), "the matter stays readable: " + submitted);
        }
        String id = receipt.getString("receiptNumber");
        answerWith(receipt.getString("appealId"), "Құрметті Айгерім Нұрланқызы, шам ауыстырылды. Сұрақ болса: "
                + "+7 (701) " + phone.substring(3, 6) + " " + phone.substring(6) + ".");

        String json = given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("[0].service_request_id", equalTo(id))
                .body("[0].description", containsString("Аулада 3 шам жанбайды"))
                .body("[0].status_notes", containsString("шам ауыстырылды"))
                .extract().asString();
        assertNoPersonalData(json, iin, phone);
        String xml = given().get("/open311/v2/requests/" + id + ".xml").then().statusCode(200)
                .body("service_requests.request.description", containsString("***")).extract().asString();
        assertNoPersonalData(xml, iin, phone);

        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, HOLDER)))
                .get("/api/v1/appeals/" + id + "/applicant").then().statusCode(200)
                .body("iin", equalTo(iin))
                .body("description", equalTo(description));
    }

    @Test
    void anAppealFiledThroughTheApiIsPrivateUnlessTheApplicantPublishesIt() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String id = submit(iin, appealJson(iin, "Балалар алаңында әткеншек сынған.", null));
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().statusCode(200)
                .body("size()", equalTo(0));
        given().get("/open311/v2/requests/" + id + ".json").then().statusCode(200)
                .body("[0].status", equalTo("open"))
                .body("[0].description", nullValue())
                .body("[0].address_id", nullValue());
        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(appealJson(iin, "Әткеншек сынған.", "HIDDEN")).post("/api/v1/appeals").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("publication"));
    }

    @Test
    void anOperatorHidesShowsAndEditsAPublishedReportAndEveryChangeIsAudited() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String id = submit(iin, appealJson(iin, "Көшеде жарық жоқ.", "PUBLIC"));
        String moderation = "/api/v1/admin/public-reports/" + id;

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"visible\":false}")
                .put(moderation).then().statusCode(200).body("visible", equalTo(false));
        given().get("/open311/v2/requests.json?service_request_id=" + id).then().body("size()", equalTo(0));

        given().header("Authorization", OPERATOR).contentType(ContentType.JSON)
                .body("{\"visible\":true,\"description\":\"Көшеде жарық жоқ; хабарласу: 87011234567\"}")
                .put(moderation).then().statusCode(200)
                .body("visible", equalTo(true))
                .body("description", equalTo("Көшеде жарық жоқ; хабарласу: ***"));
        given().get("/open311/v2/requests.json?service_request_id=" + id).then()
                .body("[0].description", equalTo("Көшеде жарық жоқ; хабарласу: ***"));

        List<String> actions = given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.AUDITOR)))
                .get("/api/v1/audit/changes?subject=appeal:" + id).then().statusCode(200)
                .extract().jsonPath().getList("action");
        assertTrue(actions.containsAll(List.of("public-report-hidden", "public-report-shown", "public-report-edited")),
                actions.toString());

        String privateOne = submit(iin, appealJson(iin, "Жол бұзылған.", "PRIVATE"));
        given().header("Authorization", OPERATOR).contentType(ContentType.JSON).body("{\"visible\":true}")
                .put("/api/v1/admin/public-reports/" + privateOne).then().statusCode(404);
        assertEquals(1L, fixtures.count("select count(*) from appeal where receipt_number = '" + privateOne
                + "' and publication = 'PRIVATE'"), "a private report stays private");
    }

    private static String appealJson(String iin, String description, String publication) {
        return """
                {"appealType":"APPLICATION","categoryCode":"yards","description":%s,
                 "language":"kk","location":{"katoCode":"%s"},"channel":"egov",
                 "applicant":{"iin":"%s","fullName":"%s","phone":"+77019876543","email":"a.saparova@example.kz"},
                 "attributes":{}%s}""".formatted(quoted(description), IntakeFixtures.KATO, iin, FULL_NAME,
                publication == null ? "" : ",\"publication\":\"" + publication + "\"");
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String submit(String iin, String json) {
        return given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON).body(json)
                .post("/api/v1/appeals").then().statusCode(201).extract().path("receiptNumber");
    }

    /** The office's answer as intake's timeline consumer stores it for the appeal. */
    private void answerWith(String appealId, String text) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update appeal_progress set status_notes = ?1 where appeal_id = cast(?2 as uuid)")
                .setParameter(1, text).setParameter(2, appealId).executeUpdate());
    }

    /** An oracle independent of the redactor: the planted numbers' digits, the address and every name form. */
    private static void assertNoPersonalData(String published, String iin, String phone) {
        String digits = published.replaceAll("\\D", "");
        assertFalse(digits.contains(iin.substring(2)), () -> "IIN in " + published);
        assertFalse(digits.contains(phone.substring(1)), () -> "phone in " + published);
        assertFalse(digits.contains("9876543"), () -> "the applicant's own phone in " + published);
        String lower = published.toLowerCase(Locale.ROOT);
        for (String forbidden : List.of("aigerim.saparova@", "a.saparova@", "айгерім", "айгерим", "aigerim",
                "сапарова", "saparova", "нұрланқызы")) {
            assertFalse(lower.contains(forbidden), () -> forbidden + " in " + published);
        }
    }
}
