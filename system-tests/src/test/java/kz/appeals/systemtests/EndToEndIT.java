package kz.appeals.systemtests;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.appeals.bench.ledger.EventChecks;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
    private static final List<ServiceProcess> SERVICES = new ArrayList<>();
    private static ServiceProcess intake;
    private static ServiceProcess routing;
    private static ServiceProcess response;
    private static ServiceProcess escalation;
    private static ServiceProcess analytics;

    @BeforeAll
    static void startTheSystem() throws Exception {
        intake = new ServiceProcess("intake", 18081);
        routing = new ServiceProcess("routing", 18082);
        response = new ServiceProcess("response", 18083);
        escalation = new ServiceProcess("escalation", 18084);
        analytics = new ServiceProcess("analytics", 18085);
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
        // (404 until analytics has read the rural district from routing's territorial reference)
        int answeredBefore = eventually("analytics knows the rural district", () -> {
            Response metrics = given().header("Authorization", bearer("analyst")).get(metricsUrl);
            return metrics.statusCode() == 200 ? metrics.jsonPath().getInt("answered") : null;
        });

        // 1. intake registers it (retrying while intake's copy of the territory catches up with routing's import)
        String body = SampleCitizens.appealJson(SampleCitizens.SAMPLE_SETTLEMENT, SampleCitizens.randomIin());
        String idempotencyKey = UUID.randomUUID().toString();
        Response created = eventually("intake accepts the sample settlement", () -> {
            Response attempt = given().header("Authorization", bearer("frontend"))
                    .header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON).body(body)
                    .post(intake.baseUrl() + "/api/v1/appeals");
            return attempt.statusCode() == 201 ? attempt : null;
        });
        String appealId = created.jsonPath().getString("appealId");

        // 2–3. routing chooses the rural district; the appeal appears in that akim's inbox, and only there
        String office = Tokens.bearer(Tokens.forOffice("akim-office", RURAL_DISTRICT));
        eventually("the appeal reaches the akim's office", () -> given().header("Authorization", office)
                .get(response.baseUrl() + "/api/v1/appeals/" + appealId).statusCode() == 200 ? true : null);
        List<String> inbox = given().header("Authorization", office)
                .get(response.baseUrl() + "/api/v1/inbox?status=ROUTED&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items.appealId");
        assertTrue(inbox.contains(appealId), "listed in the inbox: " + inbox);
        given().header("Authorization", Tokens.bearer(Tokens.forOffice("akim-office", "991023000")))
                .get(response.baseUrl() + "/api/v1/appeals/" + appealId).then().statusCode(404);
        eventually("escalation opened the clock", () -> given().header("Authorization", bearer("admin"))
                .get(escalation.baseUrl() + "/api/v1/deadlines/" + appealId).statusCode() == 200 ? true : null);

        // 4. the office answers
        given().header("Authorization", office).contentType(ContentType.JSON)
                .body("{\"outcome\":\"SATISFIED\",\"text\":\"Жол 25 қарашаға дейін жөнделеді.\",\"language\":\"kk\"}")
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
        Ledgers.assertConsistentSince(since);
        Ledgers.assertCorruptionNamed(UUID.fromString(appealId), since);
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
