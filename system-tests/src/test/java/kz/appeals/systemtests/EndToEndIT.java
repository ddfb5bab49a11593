package kz.appeals.systemtests;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.appeals.bench.ledger.EventChecks;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The thin appeal, end to end: the five packaged services run as real processes against the real test broker
 * and database, and one appeal is followed from the citizen's POST to the akim's metrics.
 */
class EndToEndIT {

    private static final String RURAL_DISTRICT = SampleCitizens.SAMPLE_RURAL_DISTRICT;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess routing;
    private static ServiceProcess response;
    private static ServiceProcess escalation;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startTheSystem() throws Exception {
        // production's JSON logs, with the line each consumer writes per applied event
        Map<String, String> debugInbox = Map.of("QUARKUS_LOG_CATEGORY__KZ_APPEALS_PLATFORM_INBOX__LEVEL", "DEBUG");
        intake = new ServiceProcess("intake", 18081, debugInbox);
        routing = new ServiceProcess("routing", 18082, debugInbox);
        response = new ServiceProcess("response", 18083, debugInbox);
        escalation = new ServiceProcess("escalation", 18084, debugInbox);
        analytics = new ServiceProcess("analytics", 18085, debugInbox);
        SERVICES.addAll(List.of(intake, routing, response, escalation, analytics));
        for (ServiceProcess service : SERVICES) {
            service.start();
        }
        for (ServiceProcess service : SERVICES) {
            service.awaitReady(Duration.ofSeconds(120));
        }
    }

    @AfterAll
    static void stopTheSystem() throws Exception {
        for (ServiceProcess service : SERVICES) {
            service.close();
        }
    }

    @Test
    void anAppealFlowsFromTheCitizenToTheAkimsMetrics() throws Exception {
        given().header("Authorization", bearer("admin"))
                .post(routing.baseUrl() + "/api/v1/admin/territory/import?source=sample")
                .then().statusCode(200);
        String metricsUrl = analytics.baseUrl() + "/api/v1/metrics/rural-districts/" + RURAL_DISTRICT
                + "?from=" + LocalDate.now().minusDays(60) + "&to=" + LocalDate.now().plusDays(60);
        // every service first works through the events earlier modules' tests left on the shared broker (for
        // analytics some of them answers in this same rural district; count from there so that exactly one more is
        // ours); the ledger then checks only what happened since, which is this test's alone
        for (EventChecks.Subscription consumer : EventChecks.SUBSCRIPTIONS) {
            KafkaProbe.awaitCaughtUp(consumer.consumer(), consumer.topics(), Duration.ofMinutes(3));
        }
        Instant since = Instant.now();
        Map<TopicPartition, Long> topicsBefore = PersonalDataScan.endOffsets();
        // (404 until analytics has read the rural district from routing's territorial reference)
        int answeredBefore = eventually("analytics knows the rural district", () -> {
            Response metrics = given().header("Authorization", bearer("analyst")).get(metricsUrl);
            return metrics.statusCode() == 200 ? metrics.jsonPath().getInt("answered") : null;
        });

        // 1. intake registers it (retrying while intake's copy of the territory catches up with routing's import)
        String iin = SampleCitizens.randomIin();
        // the citizen writes their IIN, phone, e-mail and name into the text too, in the shapes people use
        String phone = SampleCitizens.randomPhone();
        String writtenPhone = "8 (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-"
                + phone.substring(8, 10) + "-" + phone.substring(10);
        String body = SampleCitizens.appealJson(SampleCitizens.SAMPLE_SETTLEMENT, iin)
                .replaceFirst("\"phone\":\"[^\"]+\"", "\"phone\":\"" + phone + "\"")
                .replace("жөндеуді сұраймын.", "жөндеуді сұраймын. ЖСН " + iin.substring(0, 6) + " "
                        + iin.substring(6) + ", тел. " + writtenPhone + ", synak.azamat@mail.kz, Сынак Азамат");
        String idempotencyKey = UUID.randomUUID().toString();
        // the front end's trace, which every service's handling of the appeal continues
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Response created = eventually("intake accepts the sample settlement", () -> {
            Response attempt = given().header("Authorization", bearer("frontend"))
                    .header("Idempotency-Key", idempotencyKey)
                    .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-00")
                    .contentType(ContentType.JSON).body(body)
                    .post(intake.baseUrl() + "/api/v1/appeals");
            return attempt.statusCode() == 201 ? attempt : null;
        });
        String appealId = created.jsonPath().getString("appealId");

        // 2–3. routing chooses the rural district; the appeal appears in that akim's inbox, and only there
        String office = Tokens.bearer(Tokens.forOffice("akim-office", RURAL_DISTRICT));
        eventually("the appeal reaches the akim's office", () -> given().header("Authorization", office)
                .get(response.baseUrl() + "/api/v1/appeals/" + appealId).statusCode() == 200 ? true : null);
        // found by the receipt number the citizen reads out: the inbox's first page may hold other tests' appeals
        List<String> inbox = given().header("Authorization", office).queryParam("status", "ROUTED")
                .queryParam("receipt", created.jsonPath().getString("receiptNumber"))
                .get(response.baseUrl() + "/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath().getList("items.appealId");
        assertEquals(List.of(appealId), inbox, "listed in the inbox");
        given().header("Authorization", Tokens.bearer(Tokens.forOffice("akim-office", "991023000")))
                .get(response.baseUrl() + "/api/v1/appeals/" + appealId).then().statusCode(404);
        eventually("escalation opened the clock", () -> given().header("Authorization", bearer("admin"))
                .get(escalation.baseUrl() + "/api/v1/deadlines/" + appealId).statusCode() == 200 ? true : null);

        // 4. the office answers
        given().header("Authorization", office).contentType(ContentType.JSON)
                .body("{\"outcome\":\"SATISFIED\",\"text\":\"Жол 25 қарашаға дейін жөнделеді. Сұрақтар: "
                        + "+7 701 555 12 34, akimat@example.kz\",\"language\":\"kk\"}")
                .post(response.baseUrl() + "/api/v1/appeals/" + appealId + "/answer")
                .then().statusCode(200).body("status", equalTo("ANSWERED"));

        // 5. escalation stops the clock
        eventually("escalation stopped the clock", () -> {
            String status = given().header("Authorization", bearer("admin"))
                    .get(escalation.baseUrl() + "/api/v1/deadlines/" + appealId)
                    .then().statusCode(200).extract().path("status");
            return "STOPPED".equals(status) ? status : null;
        });

        // 6. analytics counts one more answered appeal for that akim
        int answeredAfter = eventually("analytics counted the answer", () -> {
            int answered = given().header("Authorization", bearer("analyst")).get(metricsUrl)
                    .then().statusCode(200).extract().path("answered");
            return answered > answeredBefore ? answered : null;
        });
        assertEquals(answeredBefore + 1, answeredAfter);

        // 7. the ledger: every service holds the appeal once, in final states that agree, every event delivered
        Ledgers.assertConsistentSince(since, UUID.fromString(appealId));
        Ledgers.assertCorruptionNamed(UUID.fromString(appealId), since);

        // 8. nothing any topic received meanwhile carries the applicant's IIN, name or phone, or anything like them
        String receipt = created.jsonPath().getString("receiptNumber");
        assertTrue(PersonalDataScan.findings(topicsBefore, Set.of(receipt)).stream().anyMatch(f -> f.contains(receipt)),
                "the scan reads the run's records (the receipt number is on the topics)");
        List<String> personalData = PersonalDataScan.findings(topicsBefore, Set.of(iin, phone, "Сынақ Азамат"));
        assertTrue(personalData.isEmpty(), "personal data on the topics:\n" + String.join("\n", personalData));

        // 9. each consumer's JSON log line for the appeal carries its id and the front end's trace id, two hops on
        for (ServiceProcess consumer : List.of(routing, response, escalation)) {
            assertTrue(consumer.logLines().stream().filter(line -> line.startsWith("{"))
                            .map(EndToEndIT::json).map(line -> line.path("mdc"))
                            .anyMatch(mdc -> appealId.equals(mdc.path("appealId").asText())
                                    && traceId.equals(mdc.path("traceId").asText())),
                    "no JSON log line with appealId " + appealId + " and traceId " + traceId);
        }
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a JSON log line: " + line, e);
        }
    }

    private static String bearer(String role) {
        return Tokens.bearer(Tokens.forRole(role));
    }

    private static <T> T eventually(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what);
            }
        }
        throw new AssertionError("Timed out waiting until " + what);
    }
}
