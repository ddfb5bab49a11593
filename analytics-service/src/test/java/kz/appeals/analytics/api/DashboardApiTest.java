package kz.appeals.analytics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.LifecycleEvents;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.answered;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.ruralDistrictUnit;
import static kz.appeals.analytics.LifecycleEvents.send;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the dashboard reads: every unit of a district listed (with its akim, and why it is not ranked), the headline
 * figures of a level — exact for an overseeing role, suppressed as in the open data for anyone else — and the
 * methodology page in the three languages.
 */
@QuarkusTest
class DashboardApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(5));
    private static final String PERIOD = "?from=" + TODAY.minusMonths(3) + "&to=" + TODAY;

    /**
     * A district of four rural districts: one with five appeals, one with a single appeal, one without any, and one
     * whose akim took office today (its one appeal came before). All four are listed with their akim; the three
     * that are not ranked say why.
     */
    @Test
    void everyUnitOfADistrictIsListedWithItsAkimAndWhyItIsNotRanked() {
        String region = randomKato();
        String district = randomKato();
        String active = "1" + randomKato().substring(1);
        String few = "2" + randomKato().substring(1);
        String quiet = "3" + randomKato().substring(1);
        String newAkim = "4" + randomKato().substring(1);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(district, UnitLevel.DISTRICT, null, region,
                    "Сынақ ауданы", "Тестовый район", null, null, null, LocalDate.of(2025, 1, 1), null,
                    Instant.now()));
            for (String unit : List.of(active, few, quiet)) {
                LifecycleEvents.publish(probe, ruralDistrictUnit(unit, district, region, 2_000,
                        LocalDate.of(2024, 1, 1), Instant.now()));
            }
            LifecycleEvents.publish(probe, ruralDistrictUnit(newAkim, district, region, 2_000, TODAY, Instant.now()));
            for (int i = 0; i < 5; i++) {
                send(probe, routed(UUID.randomUUID(), active, district, region, TODAY.minusDays(1), "roads", null));
            }
            send(probe, routed(UUID.randomUUID(), few, district, region, TODAY.minusDays(1), "roads", null));
            send(probe, routed(UUID.randomUUID(), newAkim, district, region, TODAY.minusDays(1), "roads", null));
        }

        JsonPath units = Eventually.await(() -> JsonPath.from(asAnalyst()
                        .get("/api/v1/metrics/districts/{kato}/units" + PERIOD, district).asString()),
                listed -> listed.getList("received").equals(List.of(5, 1, 0, 1))
                        && !listed.getList("territory.akimName").contains(null), "the four units listed and counted");
        assertEquals(List.of(active, few, quiet, newAkim), units.getList("kato"));
        assertEquals(List.of("Сынақ Әкім", "Сынақ Әкім", "Сынақ Әкім", "Сынақ Әкім"),
                units.getList("territory.akimName"));
        assertEquals("Тестовый сельский округ", units.getString("find { it.kato == '" + quiet + "' }.territory.nameRu"));
        // Nothing answered: no median working days to answer (not zero).
        assertNull(units.get("find { it.kato == '" + active + "' }.workingDaysToAnswer.median"));

        JsonPath ranking = JsonPath.from(asAnalyst()
                .get("/api/v1/rankings/rural-districts" + PERIOD + "&districtKato=" + district).asString());
        assertEquals(List.of(active), ranking.getList("ranked.kato"));
        Map<String, String> reasons = Map.of(few, "TOO_FEW_APPEALS", quiet, "NO_APPEALS",
                newAkim, "AKIM_NEW_IN_OFFICE");
        assertEquals(List.of(few, quiet, newAkim), ranking.getList("notRanked.kato"));
        for (Map.Entry<String, String> reason : reasons.entrySet()) {
            assertEquals(reason.getValue(), ranking.getString("notRanked.find { it.kato == '" + reason.getKey()
                    + "' }.reasonCode"), reason.getKey());
        }
        assertEquals(2, ranking.getInt("minimumAppeals"));
        // Letters per 1,000 residents get a shrunk estimate too, inside its interval.
        double shrunk = ranking.getDouble("ranked[0].escalationFunnel.shrunk.estimate");
        assertEquals(true, ranking.getDouble("ranked[0].escalationFunnel.shrunk.lower") <= shrunk
                && shrunk <= ranking.getDouble("ranked[0].escalationFunnel.shrunk.upper"), "shrunk " + shrunk);
    }

    /**
     * Five appeals: one three months old and never answered (overdue), one answered the next day (on time), three
     * registered today. On time is one of the two whose answer came or was due, not one of one. Without a token the
     * five are shown, the ones and twos are not, and nothing is computed from them.
     */
    @Test
    void theHeadlineFiguresAreHonestForAnOverseerAndSuppressedForThePublic() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        UUID overdue = UUID.randomUUID();
        UUID answered = UUID.randomUUID();
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            send(probe, routed(overdue, ruralDistrict, region, TODAY.minusMonths(3)));
            send(probe, routed(answered, ruralDistrict, region, TODAY.minusDays(1)));
            send(probe, answered(answered, ruralDistrict, Instant.now()));
            for (int i = 0; i < 3; i++) {
                send(probe, routed(UUID.randomUUID(), ruralDistrict, region, TODAY));
            }
        }
        String path = "/api/v1/dashboard/headline/rural-districts/{kato}" + PERIOD;
        JsonPath exact = Eventually.await(() -> JsonPath.from(asAnalyst().get(path, ruralDistrict).asString()),
                read -> Integer.valueOf(5).equals(read.get("received.count"))
                        && Integer.valueOf(1).equals(read.get("answered.count")), "the five appeals counted");
        assertEquals(false, exact.getBoolean("smallCountsSuppressed"));
        assertEquals(1, exact.getInt("answeredOnTime.count"));
        assertEquals(1, exact.getInt("overdueNow.count"));
        assertEquals(2, exact.getInt("due.count"));
        assertEquals(0.5, exact.getDouble("onTimeShareOfDue"));
        assertEquals(0.2, exact.getDouble("answeredShare"), 1e-9);
        // The metrics API carries the same two figures.
        asAnalyst().get("/api/v1/metrics/rural-districts/{kato}" + PERIOD, ruralDistrict).then()
                .body("overdueNow", org.hamcrest.Matchers.equalTo(1))
                .body("onTimeRate", org.hamcrest.Matchers.equalTo(1.0f))
                .body("onTimeShareOfDue", org.hamcrest.Matchers.equalTo(0.5f));

        JsonPath open = JsonPath.from(given().get(path, ruralDistrict).then().statusCode(200).extract().asString());
        assertEquals(true, open.getBoolean("smallCountsSuppressed"));
        assertEquals(5, open.getInt("received.count"));
        assertEquals("5", open.getString("received.shown"));
        for (String figure : List.of("answered", "answeredOnTime", "overdueNow", "due")) {
            assertNull(open.get(figure + ".count"), figure);
            assertEquals("<5", open.getString(figure + ".shown"), figure);
        }
        assertEquals("0", open.getString("deemedRefused.shown"));
        for (String share : List.of("answeredShare", "onTimeShareOfDue", "medianWorkingDaysToAnswer")) {
            assertNull(open.get(share), share);
        }
        // A token without an overseeing role sees the public figures.
        JsonPath citizen = JsonPath.from(given().auth().oauth2(Tokens.forRole(Roles.FRONTEND)).get(path, ruralDistrict)
                .then().statusCode(200).extract().asString());
        assertEquals("<5", citizen.getString("answered.shown"));
    }

    @Test
    void theCountrysHeadlineIsPublicToo() {
        given().get("/api/v1/dashboard/headline" + PERIOD).then().statusCode(200)
                .body("level", org.hamcrest.Matchers.equalTo("COUNTRY"))
                .body("received.shown", org.hamcrest.Matchers.notNullValue());
    }

    /** The methodology page the ranking links to, in plain words, in each language, served from the jar. */
    @ParameterizedTest
    @CsvSource({"kk,Әдістеме", "ru,Методика", "en,Methodology"})
    void theMethodologyPageIsServedInEachLanguage(String language, String heading) {
        given().get("/dashboard/methodology-" + language + ".html").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"" + language + "\""))
                .body(containsString("<h1>" + heading))
                .body(containsString("Spiegelhalter"))
                .body(containsString("href=\"./?lang=" + language + "\""));
    }

    private static io.restassured.specification.RequestSpecification asAnalyst() {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST));
    }
}
