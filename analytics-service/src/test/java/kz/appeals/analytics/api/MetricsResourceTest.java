package kz.appeals.analytics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.LifecycleEvents;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.answered;
import static kz.appeals.analytics.LifecycleEvents.escalated;
import static kz.appeals.analytics.LifecycleEvents.higherBody;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class MetricsResourceTest {

    private static final String ONE = "/api/v1/metrics/rural-districts/{kato}";
    private static final String LIST = "/api/v1/metrics/rural-districts";

    @Test
    void listsTheRuralDistrictsOfARegionByKatoCode() {
        String region = randomKato();
        String first = "1" + randomKato().substring(1);
        String second = "2" + randomKato().substring(1);
        UUID late = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            send(probe, routed(UUID.randomUUID(), second, region));
            send(probe, routed(UUID.randomUUID(), second, region));
            send(probe, routed(UUID.randomUUID(), first, region, LocalDate.of(2026, 11, 2)));
            send(probe, routed(late, first, region, LocalDate.of(2026, 11, 2)));
            // Registered 2 November: due by early December whatever the calendar, so January is late.
            send(probe, answered(late, first, Instant.parse("2027-01-11T05:00:00Z")));
        }

        Eventually.await(() -> Eventually.<List<Integer>>whenOk(() -> list(region), "answered"), List.of(1, 0)::equals,
                "both districts of " + region + " counted");
        list(region)
                .body("kato", contains(first, second))
                .body("received", contains(2, 2))
                .body("answeredOnTime", contains(0, 0))
                .body("period.from", contains("2026-11-01", "2026-11-01"))
                .body("satisfactionRate", contains(nullValue(), nullValue()));
    }

    @Test
    void escalationsCountByTheHighestBodyTheyReachedAndPer100Appeals() {
        String region = randomKato();
        String district = randomKato();
        UUID toDistrict = UUID.randomUUID();
        UUID toCentre = UUID.randomUUID();
        UUID reopened = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-20T05:00:00Z");
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            for (UUID appeal : List.of(toDistrict, toCentre, reopened, UUID.randomUUID())) {
                send(probe, routed(appeal, district, region));
            }
            send(probe, escalated(toDistrict, district, higherBody(BodyLevel.DISTRICT_AKIMAT, "191000000"), at));
            // The ladder, in either order: the highest level counts, and only once.
            send(probe, escalated(toCentre, district, higherBody(BodyLevel.PRESIDENTIAL_ADMINISTRATION, null),
                    at.plusSeconds(60)));
            send(probe, escalated(toCentre, district, higherBody(BodyLevel.REGION_AKIMAT, "190000000"), at));
            send(probe, answered(reopened, district, at));
            send(probe, LifecycleEvents.reopened(reopened, district, at.plusSeconds(60)));
        }

        // the four appeals may come in different polls (one per partition): wait for each awaited count
        Eventually.await(() -> Eventually.whenOk(() -> one(district), "received"), Integer.valueOf(4)::equals,
                "the four appeals of " + district + " counted");
        Eventually.await(() -> Eventually.whenOk(() -> one(district), "reopened"), Integer.valueOf(1)::equals,
                "the reopening of " + reopened + " counted");
        Eventually.await(() -> Eventually.whenOk(() -> one(district), "escalations.reachedPresidentialAdministration"),
                Integer.valueOf(1)::equals, "the escalation of " + toCentre + " to the centre counted");
        Eventually.await(() -> Eventually.whenOk(() -> one(district), "escalated"), Integer.valueOf(2)::equals,
                "both escalations counted");
        one(district)
                .body("received", equalTo(4))
                .body("escalated", equalTo(2))
                .body("escalations.reachedDistrictAkimat", equalTo(2))
                .body("escalations.reachedRegion", equalTo(1))
                .body("escalations.reachedDistrictAkimatPer100", equalTo(50.0f))
                .body("escalations.reachedPresidentialAdministrationPer100", equalTo(25.0f));
    }

    @Test
    void theRegionsDistrictsAreRankedByTrustIndexWithTheFormulaAndTheMinimumVolume() {
        String region = randomKato();
        String sure = "1" + randomKato().substring(1);
        String escalating = "2" + randomKato().substring(1);
        String quiet = "3" + randomKato().substring(1);
        UUID lapsed = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            send(probe, routed(UUID.randomUUID(), sure, region));
            send(probe, routed(UUID.randomUUID(), sure, region));
            send(probe, routed(UUID.randomUUID(), escalating, region));
            send(probe, routed(UUID.randomUUID(), escalating, region));
            send(probe, routed(lapsed, escalating, region));
            send(probe, escalated(lapsed, escalating, higherBody(BodyLevel.REGION_AKIMAT, region),
                    Instant.parse("2026-12-20T05:00:00Z")));
            send(probe, routed(UUID.randomUUID(), quiet, region));
        }

        // Every appeal, the escalation (kept locally 2 and 2, not 2 and 3) and the quiet district's appeal, which may
        // come later still: a ranking outdated by one of them is served for a while, so wait for all.
        Eventually.await(() -> receivedKeptAndNotRanked(region), List.<Object>of(2, 3, 2, 2, quiet)::equals,
                "every district of " + region + " counted");
        // 2 of 2 kept locally (Wilson lower bound 0.342) and 2 of 3 (0.208) are both as chance gives around the
        // reference 5 of 6 (the quiet district's 1 of 1 counts in it): they share the rank, in KATO order. One
        // appeal is below the minimum, and is still placed in the funnel.
        ValidatableResponse ranking = ranking(region)
                .body("minimumAppeals", equalTo(2))
                .body("formula", containsString("Wilson"))
                .body("funnel.method", containsString("Spiegelhalter"))
                .body("funnel.levels", contains(0.95f, 0.998f))
                .body("funnel.overDispersion.significant", equalTo(false))
                .body("ranked.kato", contains(sure, escalating))
                .body("ranked.rank", contains(1, 1))
                .body("ranked.funnel.band", contains("AS_EXPECTED", "AS_EXPECTED"))
                .body("ranked.received", contains(2, 3))
                .body("notRanked.kato", contains(quiet))
                .body("notRanked.funnel.band", contains("AS_EXPECTED"));
        // JSON numbers are read back as floats: compared to 1e-6.
        io.restassured.path.json.JsonPath body = ranking.extract().jsonPath();
        assertEquals(0.3424, body.getDouble("ranked[0].trust.lower"), 1e-4);
        assertEquals(0.2077, body.getDouble("ranked[1].trust.lower"), 1e-4);
        assertEquals(5 / 6.0, body.getDouble("funnel.referenceRate"), 1e-6);
        // Exact binomial limits at 3 appeals around 5/6: P(R ≤ 1) = 0.074 ≥ 0.025 > P(R = 0) = 0.005.
        assertEquals(1 / 3.0, body.getDouble("ranked[1].funnel.limits95.lower"), 1e-6);
        assertEquals(1.0, body.getDouble("ranked[1].funnel.limits95.upper"), 1e-6);
        assertEquals(0.0, body.getDouble("ranked[1].funnel.limits998.lower"), 1e-6);
        // Shrunk towards 5/6: the perfect record below its 1.0, the other above its 0.667, each inside its interval.
        double perfect = body.getDouble("ranked[0].funnel.shrunk.estimate");
        double twoOfThree = body.getDouble("ranked[1].funnel.shrunk.estimate");
        assertTrue(perfect < 1 && perfect > 5 / 6.0, "shrunk 2 of 2: " + perfect);
        assertTrue(twoOfThree > 2 / 3.0 && twoOfThree < 5 / 6.0, "shrunk 2 of 3: " + twoOfThree);
        assertTrue(body.getDouble("ranked[1].funnel.shrunk.lower") < twoOfThree
                && twoOfThree < body.getDouble("ranked[1].funnel.shrunk.upper"));
        asAnalyst().queryParam("regionKato", "19").queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/rankings/rural-districts").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.ANALYST, Roles.ADMIN, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT,
            Roles.DISTRICT_AKIMAT})
    void theRolesThatReadMetricsGetZerosForADistrictWithoutAppeals(String role) {
        String kato = randomKato();
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            LifecycleEvents.publish(territory, LifecycleEvents.ruralDistrictUnit(kato, randomKato(), randomKato(),
                    1200, null, Instant.now()));
        }
        Eventually.await(() -> asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, kato).statusCode(), Integer.valueOf(200)::equals, "rural district " + kato + " known");
        given().auth().oauth2(Tokens.forOffice(role, kato))
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, kato)
                .then().statusCode(200)
                .body("kato", equalTo(kato))
                .body("received", equalTo(0))
                .body("territory.residents", equalTo(1200))
                .body("satisfactionRate", nullValue());
    }

    @Test
    void aTerritoryNobodyKnowsIs404() {
        asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, randomKato())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://appeals.kz/problems/unknown-territory"));
        asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/rankings/districts?regionKato=" + randomKato())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutATokenIs401() {
        given().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, randomKato())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://appeals.kz/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void aRefusedTokenIs401WithTheReasonInKazakhWhenAsked() {
        given().auth().oauth2("not.a.jwt").header("Accept-Language", "kk")
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, randomKato())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("title", equalTo("Аутентификация қажет"));
    }

    @ParameterizedTest
    @ValueSource(strings = {Roles.FRONTEND, Roles.AKIM_OFFICE, Roles.OPERATOR})
    void otherRolesGet403(String role) {
        given().auth().oauth2(Tokens.forRole(role))
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, randomKato())
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://appeals.kz/problems/forbidden"));
    }

    @Test
    void aKatoCodeThatIsNotNineDigitsIs400() {
        asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, "19423000")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("kato"))
                .body("errors[0].code", equalTo("pattern"));
        asAnalyst().queryParam("regionKato", "19000000A").queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30")
                .get(LIST)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("regionKato"));
    }

    @Test
    void aMissingOrInvalidPeriodIs400() {
        String kato = randomKato();
        expectInvalid(asAnalyst().queryParam("to", "2026-11-30").get(ONE, kato), "from", "required");
        expectInvalid(asAnalyst().queryParam("from", "2026-11-31").queryParam("to", "2026-12-01").get(ONE, kato),
                "from", "type");
        expectInvalid(asAnalyst().queryParam("from", "2026-12-01").queryParam("to", "2026-11-30").get(ONE, kato),
                "to", "range");
        expectInvalid(asAnalyst().queryParam("from", "2020-01-01").queryParam("to", "2026-11-30").get(ONE, kato),
                "to", "range");
        expectInvalid(asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30").get(LIST),
                "regionKato", "required");
    }

    private static void expectInvalid(Response response, String field, String code) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo(code));
    }

    private static RequestSpecification asAnalyst() {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST));
    }

    /**
     * The ranked districts' appeals received, then kept locally, then the unranked districts' codes; empty while the
     * region is unknown.
     */
    private static List<Object> receivedKeptAndNotRanked(String region) {
        try {
            io.restassured.path.json.JsonPath body = ranking(region).extract().jsonPath();
            List<Object> seen = new java.util.ArrayList<>(body.getList("ranked.received"));
            seen.addAll(body.getList("ranked.keptLocally"));
            seen.addAll(body.getList("notRanked.kato"));
            return seen;
        } catch (AssertionError notYet) {
            return List.of();
        }
    }

    private static ValidatableResponse ranking(String region) {
        return asAnalyst().queryParam("regionKato", region)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/rankings/rural-districts")
                .then().statusCode(200);
    }

    private static ValidatableResponse one(String ruralDistrict) {
        return asAnalyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(ONE, ruralDistrict)
                .then().statusCode(200);
    }

    private static ValidatableResponse list(String region) {
        return asAnalyst().queryParam("regionKato", region)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get(LIST)
                .then().statusCode(200);
    }
}
