package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Sloppy JSON is refused with a problem that names what is wrong, and changes nothing (RFC 8259, RFC 9457): each
 * case below was accepted, and some stored, before JSON was read strictly.
 */
@QuarkusTest
class StrictInputTest {

    @Inject
    IntakeFixtures fixtures;

    private String iin;
    private String valid;
    private long appealsBefore;

    @BeforeEach
    void aValidAppeal() {
        fixtures.sampleSettlementKnown();
        iin = SampleCitizens.randomIin();
        valid = SampleCitizens.appealJson(IntakeFixtures.KATO, iin);
        appealsBefore = fixtures.count("select count(*) from appeal");
    }

    @Test
    void aNumberIsNeitherAnEnumNorText() {
        refused(valid.replace("\"appealType\":\"APPLICATION\"", "\"appealType\":1"))
                .body("errors.field", hasItem("appealType"));
        // a number that is valid JSON (a random IIN may start with 0, which JSON numbers may not)
        refused(valid.replace("\"iin\":\"" + iin + "\"", "\"iin\":900101300017"))
                .body("errors.field", hasItem("applicant.iin"));
        refused(valid.replace("\"language\":\"kk\"", "\"language\":true"))
                .body("errors.field", hasItem("language"));
        nothingStored();
    }

    @Test
    void nothingMayFollowTheValueAndNoKeyMayRepeat() {
        refused(valid + "xyz").body("type", containsString("malformed-json"));
        refused(valid + "]");
        refused(valid.replace("\"location\":{", "\"location\":{\"katoCode\":\"991099999\"},\"location\":{"))
                .body("type", containsString("malformed-json"))
                .body("detail", containsString("location"));
        nothingStored();
    }

    @Test
    void textThatXmlCannotCarryIsRefused() {
        for (String bad : new String[]{"\\u0001", "\\u0007", "\\u001b", "\\u0000", "\\ud800", "\\udc00x", "\\uffff"}) {
            refused(valid.replace("жөндеуді сұраймын.", "жөндеуді " + bad + " сұраймын."))
                    .body("errors[0].field", equalTo("description"))
                    .body("errors[0].code", equalTo("character"));
        }
        refused(valid.replace("\"fullName\":\"Сынақ Азамат\"", "\"fullName\":\"Сынақ\\u0000Азамат\""))
                .body("errors[0].field", equalTo("applicant.fullName"));
        nothingStored();
        post(valid.replace("жөндеуді сұраймын.", "жөндеуді сұраймын 😀\\ud83d\\ude00\\n\\tрахмет.")).statusCode(201);
    }

    @Test
    void aBodyWithoutADeclaredTypeIsRefused() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String type : new String[]{null, "*/*", "application/*"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":"
                            + RestAssured.port + "/api/v1/appeals"))
                    .header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(valid));
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), type + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        }
        nothingStored();
    }

    @Test
    void aChunkedBodyIsHeldToTheSameLimitAsADeclaredOne() throws Exception {
        String huge = valid.replace("\"egov\"", "\"" + "x".repeat(600 * 1024) + "\"");
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/v1/appeals"))
                .header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        nothingStored();
    }

    @Test
    void lengthsCountCharactersAsJsonSchemaDoes() {
        String emoji = "\uD83D\uDE00";
        refused(valid.replace("Ауылдағы жолда үлкен шұңқыр бар, жөндеуді сұраймын.", emoji.repeat(4001)))
                .body("errors[0].field", equalTo("description")).body("errors[0].code", equalTo("size"));
        nothingStored();
        post(valid.replace("Ауылдағы жолда үлкен шұңқыр бар, жөндеуді сұраймын.", emoji.repeat(4000)))
                .statusCode(201);
    }

    @Test
    void coordinatesAcrossTheBorderAreRefused() {
        String tashkent = valid.replace("\"location\":{\"katoCode\":\"" + IntakeFixtures.KATO + "\"}",
                "\"location\":{\"latitude\":41.2995,\"longitude\":69.2401}");
        refused(tashkent).body("errors.field", hasItem("location.inKazakhstan"));
        nothingStored();
    }

    private ValidatableResponse post(String body) {
        return given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals").then();
    }

    private ValidatableResponse refused(String body) {
        return post(body).statusCode(400).contentType("application/problem+json");
    }

    private void nothingStored() {
        assertEquals(appealsBefore, fixtures.count("select count(*) from appeal"), "nothing stored");
    }
}
