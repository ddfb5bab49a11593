package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

/**
 * What operators scrape and probe: business and outbox metrics, readiness with the outbox in it, and whether the
 * reference data a submission needs has arrived.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @Inject
    IntakeFixtures fixtures;

    @Test
    void metricsCountSubmissionsAndPublishedEventsAndReadinessShowsTheOutbox() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin))).contentType(ContentType.JSON)
                .body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin)).post("/api/v1/appeals")
                .then().statusCode(201);

        eventually(() -> given().get("/q/metrics").then().statusCode(200)
                .body(matchesPattern("(?s).*appeals_intake_submitted_total\\{[^}]*category=\"roads\"[^}]*} [1-9].*"))
                .body(matchesPattern("(?s).*appeals_outbox_published_total(\\{[^}]*})? [1-9].*"))
                .body(containsString("appeals_outbox_backlog"))
                .body(containsString("appeals_inbox_events_total")));
        eventually(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("outbox"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.backlog", equalTo(0)));
    }

    @Test
    void theReferenceDataGroupCountsTheSettlementsIntakeKnows() {
        fixtures.sampleSettlementKnown();
        given().get("/q/health/group/reference-data").then().statusCode(200)
                .body("checks.find { it.name == 'territory-replica' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'territory-replica' }.data.settlements", greaterThan(0));
    }
}
