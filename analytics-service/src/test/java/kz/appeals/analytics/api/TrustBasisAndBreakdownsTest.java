package kz.appeals.analytics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import kz.appeals.analytics.Eventually;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.answered;
import static kz.appeals.analytics.LifecycleEvents.escalated;
import static kz.appeals.analytics.LifecycleEvents.higherBody;
import static kz.appeals.analytics.LifecycleEvents.publish;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.ruralDistrictUnit;
import static kz.appeals.analytics.LifecycleEvents.redirectedBetween;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static kz.appeals.analytics.LifecycleEvents.submittedBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The fair trust basis, working days to answer, roll-ups, series, categories, ETags and open data, end to end. */
@QuarkusTest
class TrustBasisAndBreakdownsTest {

    /** Monday 2 November 2026; no holiday in November 2026 (kz-2026.csv). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final Instant ESCALATED_AT = Instant.parse("2026-12-20T05:00:00Z");

    @Test
    void oneApplicantsRepeatedAppealsCountOnceAndOneApplicantsWeightIsCapped() {
        String region = randomKato();
        String district = randomKato();
        String ruralDistrict = randomKato();
        UUID sameIssue = UUID.randomUUID();
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE); KafkaProbe routing = new KafkaProbe(Topics.ROUTING);
             KafkaProbe escalation = new KafkaProbe(Topics.ESCALATION)) {
            // Four residents, one appeal each, settled locally.
            for (int resident = 0; resident < 4; resident++) {
                fileAndRoute(intake, routing, UUID.randomUUID(), pseudonym("resident-" + resident + region),
                        ruralDistrict, district, region, UUID.randomUUID());
            }
            // One applicant writes five times about the same pothole, and every letter is escalated: one unit.
            for (int letter = 0; letter < 5; letter++) {
                UUID appeal = UUID.randomUUID();
                fileAndRoute(intake, routing, appeal, pseudonym("persistent-" + region), ruralDistrict, district, region,
                        sameIssue);
                send(escalation, escalated(appeal, ruralDistrict, higherBody(BodyLevel.REGION_AKIMAT, region),
                        ESCALATED_AT));
            }
            // Another writes about six different things, all escalated: six units capped to a weight of 3.
            for (int issue = 0; issue < 6; issue++) {
                UUID appeal = UUID.randomUUID();
                fileAndRoute(intake, routing, appeal, pseudonym("prolific-" + region), ruralDistrict, district, region,
                        UUID.randomUUID());
                send(escalation, escalated(appeal, ruralDistrict, higherBody(BodyLevel.REGION_AKIMAT, region),
                        ESCALATED_AT));
            }
        }

        Eventually.await(() -> field("rural-districts", ruralDistrict, "escalated"),
                Integer.valueOf(11)::equals, "every appeal of " + ruralDistrict + " counted");
        Eventually.await(() -> field("rural-districts", ruralDistrict, "trustBasis.applicants"),
                Integer.valueOf(6)::equals, "every applicant of " + ruralDistrict + " known");
        ValidatableResponse metrics = metrics("rural-districts", ruralDistrict)
                .body("received", equalTo(15))
                .body("keptLocally", equalTo(4));
        // Raw: 4 of 15 kept. Fair: 4 kept of 4 + 1 + 6 × 0.5 = 8.
        assertEquals(8.0, metrics.extract().jsonPath().getDouble("trustBasis.appeals"), 1e-9);
        assertEquals(4.0, metrics.extract().jsonPath().getDouble("trustBasis.keptLocally"), 1e-9);
        assertEquals(0.5, metrics.extract().jsonPath().getDouble("trust.point"), 1e-9);
    }

    @Test
    void workingDaysToAnswerAreCountedOnTheCalendarWithMedianAndP90() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING); KafkaProbe response = new KafkaProbe(Topics.RESPONSE)) {
            // Answered 1, 3 and 10 working days after Monday's registration, at 10:00 national time.
            for (String answeredOn : List.of("2026-11-03", "2026-11-05", "2026-11-16")) {
                UUID appeal = UUID.randomUUID();
                send(routing, routed(appeal, ruralDistrict, null, region, MONDAY, "roads", null));
                send(response, answered(appeal, ruralDistrict, Instant.parse(answeredOn + "T05:00:00Z")));
            }
        }

        Eventually.await(() -> field("rural-districts", ruralDistrict, "answered"),
                Integer.valueOf(3)::equals, "the answers in " + ruralDistrict + " counted");
        ValidatableResponse metrics = metrics("rural-districts", ruralDistrict)
                .body("answeredOnTime", equalTo(3));
        assertEquals(1.0, metrics.extract().jsonPath().getDouble("onTimeRate"), 1e-9);
        assertEquals(3.0, metrics.extract().jsonPath().getDouble("workingDaysToAnswer.median"), 1e-9);
        // Linear interpolation between the 2nd and 3rd of three values: 3 + 0.8 × (10 − 3).
        assertEquals(8.6, metrics.extract().jsonPath().getDouble("workingDaysToAnswer.p90"), 1e-9);
    }

    @Test
    void aRedirectedAppealBelongsToTheBodyThatReceivedItMeasuredFromThatDay() {
        String region = randomKato();
        String misrouted = randomKato();
        String responsible = randomKato();
        UUID appeal = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING); KafkaProbe response = new KafkaProbe(Topics.RESPONSE)) {
            send(routing, routed(appeal, misrouted, null, region, MONDAY, "roads", null));
            // Redirected on Friday 20 November at 11:00: the new term runs 15 working days to 11 December.
            send(routing, redirectedBetween(appeal, misrouted, responsible, region, MONDAY,
                    Instant.parse("2026-11-20T06:00:00Z")));
            // 8 December: late by the citizen's registration day (due 23 November), on time for this body.
            send(response, answered(appeal, responsible, Instant.parse("2026-12-08T05:00:00Z")));
        }

        Eventually.await(() -> field("rural-districts", responsible, "answered"),
                Integer.valueOf(1)::equals, "the answer of " + appeal + " counted");
        metrics("rural-districts", responsible).body("received", equalTo(1)).body("answeredOnTime", equalTo(1))
                .body("redirected", equalTo(1));
        // The misrouted body knows the appeal no more; the reference still knows the body.
        november().get("/api/v1/metrics/rural-districts/{kato}", misrouted).then().statusCode(404);
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            publish(territory, ruralDistrictUnit(misrouted, null, region, null, null, Instant.now()));
        }
        Eventually.await(() -> november().get("/api/v1/metrics/rural-districts/{kato}", misrouted).statusCode(),
                Integer.valueOf(200)::equals, "rural district " + misrouted + " known");
        metrics("rural-districts", misrouted).body("received", equalTo(0));
    }

    @Test
    void districtsAndRegionsRollUpAndDrillDown() {
        String region = randomKato();
        String north = "1" + randomKato().substring(1);
        String south = "2" + randomKato().substring(1);
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            send(routing, routed(UUID.randomUUID(), randomKato(), north, region, MONDAY, "roads", null));
            send(routing, routed(UUID.randomUUID(), randomKato(), north, region, MONDAY, "yards", null));
            send(routing, routed(UUID.randomUUID(), randomKato(), south, region, MONDAY, "roads", null));
        }

        Eventually.await(() -> field("regions", region, "received"),
                Integer.valueOf(3)::equals, "the appeals of region " + region + " counted");
        metrics("districts", north).body("level", equalTo("DISTRICT")).body("received", equalTo(2));
        november().get("/api/v1/metrics/regions/{kato}/units", region).then().statusCode(200)
                .body("kato", contains(north, south))
                .body("received", contains(2, 1));
        november().get("/api/v1/metrics/districts/{kato}/units", north).then().statusCode(200)
                .body("level", contains("RURAL_DISTRICT", "RURAL_DISTRICT"));
        november().get("/api/v1/metrics/districts/{kato}/categories", north).then().statusCode(200)
                .body("categoryCode", contains("roads", "yards"))
                .body("received", contains(1, 1));
        november().get("/api/v1/rankings/districts?regionKato=" + region).then().statusCode(200)
                .body("ranked.kato", contains(north))
                .body("notRanked.kato", contains(south));
        november().get("/api/v1/metrics/rural-districts/{kato}/units", north).then().statusCode(404)
                .contentType("application/problem+json");
        november().get("/api/v1/metrics/provinces/{kato}", region).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aSeriesHasEveryBucketOfThePeriodCutToIt() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            send(routing, routed(UUID.randomUUID(), ruralDistrict, null, region, MONDAY, "roads", null));
            send(routing, routed(UUID.randomUUID(), ruralDistrict, null, region, MONDAY.plusDays(20), "roads", null));
        }

        Eventually.await(() -> field("rural-districts", ruralDistrict, "received"),
                Integer.valueOf(2)::equals, "the appeals of " + ruralDistrict + " counted");
        analyst().queryParam("from", "2026-10-15").queryParam("to", "2026-12-10").queryParam("granularity", "month")
                .get("/api/v1/metrics/rural-districts/{kato}/series", ruralDistrict).then().statusCode(200)
                .body("period.from", contains("2026-10-15", "2026-11-01", "2026-12-01"))
                .body("period.to", contains("2026-10-31", "2026-11-30", "2026-12-10"))
                .body("received", contains(0, 2, 0));
        analyst().queryParam("from", "2026-11-02").queryParam("to", "2026-11-29").queryParam("granularity", "week")
                .get("/api/v1/metrics/rural-districts/{kato}/series", ruralDistrict).then().statusCode(200)
                .body("received", contains(1, 0, 1, 0));
        analyst().queryParam("from", "2026-11-02").queryParam("to", "2026-11-29").queryParam("granularity", "hour")
                .get("/api/v1/metrics/rural-districts/{kato}/series", ruralDistrict).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("granularity"));
    }

    @Test
    void aDashboardRevalidatesWithTheEntityTagAndGets304UntilANumberChanges() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        String path = "/api/v1/metrics/rural-districts/" + ruralDistrict + "?from=2026-11-01&to=2026-11-30";
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            send(routing, routed(UUID.randomUUID(), ruralDistrict, null, region, MONDAY, "roads", null));
        }
        Eventually.await(() -> analyst().get(path).statusCode(), Integer.valueOf(200)::equals,
                "the first appeal of " + ruralDistrict + " counted");
        String tag = analyst().get(path).then().statusCode(200).header("Cache-Control", "private, no-cache")
                .extract().header("ETag");
        analyst().header("If-None-Match", tag).get(path).then().statusCode(304);

        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            send(routing, routed(UUID.randomUUID(), ruralDistrict, null, region, MONDAY, "roads", null));
        }
        Eventually.await(() -> analyst().header("If-None-Match", tag).get(path).statusCode(),
                Integer.valueOf(200)::equals, "a changed number changes the tag");
        assertNotEquals(tag, analyst().get(path).then().extract().header("ETag"));
    }

    @Test
    void openDataNeedsNoTokenAndHoldsNoPersonalData() {
        String region = randomKato();
        String ruralDistrict = "1" + randomKato().substring(1);
        String busier = "2" + randomKato().substring(1);
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE); KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            fileAndRoute(intake, routing, UUID.randomUUID(), pseudonym("open-data-" + region), ruralDistrict, null, region,
                    UUID.randomUUID());
            for (int i = 0; i < 6; i++) {
                fileAndRoute(intake, routing, UUID.randomUUID(), pseudonym("open-data-" + i + region), busier, null,
                        region, UUID.randomUUID());
            }
        }
        Eventually.await(() -> {
                    var response = given().get("/api/v1/open-data/rural-districts.json?from=2026-11-01&to=2026-11-30"
                            + "&regionKato=" + region);
                    return response.statusCode() == 200
                            ? response.jsonPath().<String>getList("kato") + " " + response.jsonPath().getList("received")
                            : null;
                },
                (List.of(ruralDistrict, busier) + " " + List.of("<5", 6))::equals, "the open data of region " + region);

        String csv = given().get("/api/v1/open-data/rural-districts.csv?from=2026-11-01&to=2026-11-30&regionKato="
                + region).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Cache-Control", "public, max-age=300")
                .header("Content-Disposition", "attachment; filename=\"rural-districts-" + region
                        + "-2026-11-01-2026-11-30.csv\"")
                .header("Link", org.hamcrest.Matchers.containsString("<" + OpenDataResource.LICENCE + ">; rel=\"license\""))
                .extract().asString();
        List<String> dictionary = given().get("/api/v1/open-data/dictionary").then().statusCode(200)
                .extract().path("name");
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", dictionary), lines[0]);
        assertEquals(3, lines.length);
        String[] row = lines[1].split(",", -1);
        assertEquals(ruralDistrict, row[dictionary.indexOf("kato")]);
        // one appeal in a rural district could point at its applicant: suppressed, and so is what is computed from it
        assertEquals("<5", row[dictionary.indexOf("received")]);
        assertEquals("0", row[dictionary.indexOf("deemed_refused")]);
        assertEquals("", row[dictionary.indexOf("received_per_1000_residents")]);
        assertEquals("", row[dictionary.indexOf("trust_index")]);
        assertEquals("", row[dictionary.indexOf("satisfaction_rate")]);
        assertEquals("", row[dictionary.indexOf("trust_band")]);
        assertEquals("", row[dictionary.indexOf("trust_shrunk")]);
        // Six appeals, all kept, like the other district's one: the reference is 1, and a record equal to it is as
        // expected, with exact limits 1–1 and an estimate pulled below 1 by the prior's Jeffreys half.
        String[] busy = lines[2].split(",", -1);
        assertEquals(busier, busy[dictionary.indexOf("kato")]);
        assertEquals("AS_EXPECTED", busy[dictionary.indexOf("trust_band")]);
        assertEquals("1.0", busy[dictionary.indexOf("trust_reference_rate")]);
        assertEquals("1.0", busy[dictionary.indexOf("trust_limit_95_lower")]);
        assertEquals("1.0", busy[dictionary.indexOf("trust_limit_99_8_upper")]);
        assertEquals("1.0", busy[dictionary.indexOf("trust_phi")]);
        assertEquals("0.0", busy[dictionary.indexOf("trust_tau2")]);
        double shrunk = Double.parseDouble(busy[dictionary.indexOf("trust_shrunk")]);
        org.junit.jupiter.api.Assertions.assertTrue(shrunk > 0.9 && shrunk < 1, "shrunk " + shrunk);
        org.junit.jupiter.api.Assertions.assertTrue(
                Double.parseDouble(busy[dictionary.indexOf("trust_shrunk_lower")]) < shrunk);
        // The reference and the funnel's parameters are of the export, not of a row: published on every row.
        assertEquals("1.0", row[dictionary.indexOf("trust_reference_rate")]);
        // The applicant's pseudonym is what analytics holds of a person; the export must not carry it.
        org.junit.jupiter.api.Assertions.assertFalse(csv.contains(pseudonym("open-data-" + region)));
        given().get("/api/v1/open-data/rural-districts.json?from=2026-11-01&to=2026-11-30&regionKato=" + region)
                .then().body("[0].received", equalTo("<5")).body("[0].satisfaction_rate", nullValue())
                .body("[0].trust_index", nullValue()).body("[0].trust_band", nullValue())
                .body("[1].trust_band", equalTo("AS_EXPECTED"));
        analyst().get("/api/v1/metrics/rural-districts/" + ruralDistrict + "?from=2026-11-01&to=2026-11-30").then()
                .statusCode(200).body("received", equalTo(1));
        given().get("/api/v1/open-data/rural-districts.csv?from=2026-11-30&to=2026-11-01").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void perResidentFiguresAndTheAkimsStartDateComeFromTheTerritorialReference() {
        String region = randomKato();
        String district = randomKato();
        String ruralDistrict = randomKato();
        String neighbour = randomKato();
        UUID beforeTheAkim = UUID.randomUUID();
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY); KafkaProbe routing = new KafkaProbe(Topics.ROUTING);
             KafkaProbe escalation = new KafkaProbe(Topics.ESCALATION)) {
            // Elected on 10 November: the appeal of the 2nd was the predecessor's; an older state comes last.
            publish(territory, ruralDistrictUnit(ruralDistrict, district, region, 2000, LocalDate.of(2026, 11, 10),
                    Instant.parse("2026-11-20T00:00:00Z")));
            publish(territory, ruralDistrictUnit(ruralDistrict, district, region, 999, null,
                    Instant.parse("2026-01-01T00:00:00Z")));
            publish(territory, ruralDistrictUnit(neighbour, district, region, 3000, null, Instant.now()));
            send(routing, routed(beforeTheAkim, ruralDistrict, district, region, MONDAY, "roads", null));
            send(escalation, escalated(beforeTheAkim, ruralDistrict,
                    higherBody(BodyLevel.PRESIDENTIAL_ADMINISTRATION, null), ESCALATED_AT));
            for (int appeal = 0; appeal < 3; appeal++) {
                send(routing, routed(UUID.randomUUID(), ruralDistrict, district, region, MONDAY.plusDays(14), "roads",
                        null));
            }
            send(routing, routed(UUID.randomUUID(), neighbour, district, region, MONDAY, "roads", null));
        }

        Eventually.await(() -> field("districts", district, "territory.residents"),
                Integer.valueOf(5000)::equals, "both rural districts of " + district + " known");
        Eventually.await(() -> field("rural-districts", ruralDistrict, "escalations.reachedPresidentialAdministration"), Integer.valueOf(1)::equals,
                "the escalation in " + ruralDistrict + " counted");
        ValidatableResponse metrics = metrics("rural-districts", ruralDistrict)
                .body("territory.nameRu", equalTo("Тестовый сельский округ"))
                .body("territory.akimElectedSince", equalTo("2026-11-10"))
                .body("territory.residents", equalTo(2000))
                .body("received", equalTo(4))
                .body("keptLocally", equalTo(3));
        assertEquals(2.0, metrics.extract().jsonPath().getDouble("receivedPer1000Residents"), 1e-9);
        assertEquals(0.5, metrics.extract().jsonPath()
                .getDouble("escalations.reachedPresidentialAdministrationPer1000Residents"), 1e-9);
        // The escalation funnel of the region's open data: 1 letter over 5,000 residents, 0.2 per 1,000. The
        // neighbour's none over 3,000 is as expected (0.6 expected; exact Poisson: P(R ≤ 2) = 0.977 ≥ 0.975 >
        // P(R ≤ 1), so the upper 95 % limit is 2 letters, 0.667 per 1,000); the one letter is too few to publish.
        io.restassured.path.json.JsonPath open = given().get("/api/v1/open-data/rural-districts.json?from=2026-11-01"
                + "&to=2026-11-30&regionKato=" + region).then().statusCode(200).extract().jsonPath();
        String neighbourRow = "find { it.kato == '" + neighbour + "' }.";
        assertEquals("AS_EXPECTED", open.getString(neighbourRow + "escalation_band"));
        assertEquals(0.2, open.getDouble(neighbourRow + "escalation_reference_per_1000_residents"), 1e-6);
        // published rounded to 4 places
        assertEquals(0.6667, open.getDouble(neighbourRow + "escalation_limit_95_upper"), 1e-9);
        // none over 3,000 residents is pulled up towards the reference, not to it
        double shrunk = open.getDouble(neighbourRow + "escalation_shrunk");
        org.junit.jupiter.api.Assertions.assertTrue(shrunk > 0 && shrunk < 0.2, "shrunk " + shrunk);
        org.junit.jupiter.api.Assertions.assertTrue(open.getDouble(neighbourRow + "escalation_shrunk_upper") > shrunk);
        assertEquals(0.0, open.getDouble(neighbourRow + "escalation_limit_95_lower"), 1e-6);
        org.junit.jupiter.api.Assertions.assertNull(
                open.get("find { it.kato == '" + ruralDistrict + "' }.escalation_band"));
        // The ranking carries the same escalation funnel, with the exact figures: the one letter over 2,000
        // residents (0.4 expected) is as expected too.
        io.restassured.path.json.JsonPath ranking = analyst().get("/api/v1/rankings/rural-districts?regionKato="
                + region + "&from=2026-11-01&to=2026-11-30").then().statusCode(200).extract().jsonPath();
        assertEquals(0.2, ranking.getDouble("escalationFunnel.referenceRate"), 1e-6);
        assertEquals(List.of(ruralDistrict), ranking.getList("ranked.kato"));
        assertEquals("AS_EXPECTED", ranking.getString("ranked[0].escalationFunnel.band"));
        assertEquals(0.5, ranking.getDouble("ranked[0].escalationFunnel.rate"), 1e-6);
        assertEquals(2 / 3.0, ranking.getDouble("notRanked[0].escalationFunnel.limits95.upper"), 1e-6);
        // The raw counts keep the predecessor's appeal; the index counts the new akim's three, all kept.
        assertEquals(3.0, metrics.extract().jsonPath().getDouble("trustBasis.appeals"), 1e-9);
        assertEquals(1.0, metrics.extract().jsonPath().getDouble("trust.point"), 1e-9);
        metrics("districts", district).body("received", equalTo(5));
        assertEquals(1.0, metrics("districts", district).extract().jsonPath()
                .getDouble("receivedPer1000Residents"), 1e-9);
    }

    @Test
    void theDocumentedColumnDictionaryIsTheServedOne() throws java.io.IOException {
        List<String> documented = java.nio.file.Files.readAllLines(java.nio.file.Path.of("../docs/open-data.md"))
                .stream().filter(line -> line.startsWith("| ") && !line.startsWith("| column"))
                .map(line -> line.substring(2, line.length() - 2).replace(" | ", "|")).toList();
        List<String> served = given().get("/api/v1/open-data/dictionary").then().statusCode(200)
                .extract().jsonPath().getList("$", java.util.Map.class).stream()
                .map(column -> column.get("name") + "|" + column.get("type") + "|" + column.get("meaning")).toList();
        assertEquals(served, documented);
    }

    private static void fileAndRoute(KafkaProbe intake, KafkaProbe routing, UUID appeal, String applicantRef,
                                     String ruralDistrict, String district, String region, UUID issue) {
        send(intake, submittedBy(appeal, applicantRef, MONDAY));
        send(routing, routed(appeal, ruralDistrict, district, region, MONDAY, "roads", issue));
    }

    /** A pseudonym shaped like intake's (64 lowercase hex digits), distinct per label. */
    private static String pseudonym(String label) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(label.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification analyst() {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST));
    }

    /** November 2026. */
    private static RequestSpecification november() {
        return analyst().queryParam("from", "2026-11-01").queryParam("to", "2026-11-30");
    }

    /** A field of the territory's metrics, or null while analytics does not know the territory yet. */
    private static Object field(String level, String kato, String path) {
        var response = november().get("/api/v1/metrics/{level}/{kato}", level, kato);
        return response.statusCode() == 200 ? response.jsonPath().get(path) : null;
    }

    private static ValidatableResponse metrics(String level, String kato) {
        return november().get("/api/v1/metrics/{level}/{kato}", level, kato).then().statusCode(200);
    }
}
