package kz.appeals.analytics.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.LifecycleEvents;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitKind;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Like is compared with like, through the real broker and database: routing publishes a district's rural district
 * as it did before units had a kind (no kind), a village akimat and a town of district significance with theirs.
 * The rural akims are ranked among themselves, the town among towns; the units, the ranking rows and the open data
 * say each unit's kind, and the unit published without a kind reads as a rural district.
 */
@QuarkusTest
class ComparisonGroupsTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.ofHours(5));
    private static final String PERIOD = "?from=" + TODAY.minusMonths(1) + "&to=" + TODAY;

    @Test
    void aTownsAkimIsComparedWithTownsNotWithVillages() {
        String region = randomKato();
        String district = randomKato();
        String ruralDistrict = "1" + randomKato().substring(1);
        String village = "2" + randomKato().substring(1);
        String town = "3" + randomKato().substring(1);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            // as routing published units before the kind was added within v1
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(ruralDistrict, UnitLevel.RURAL_DISTRICT,
                    district, region, "Сынақ ауылдық округі", "Тестовый сельский округ", 2_000, "Сынақ Әкім",
                    LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), null, Instant.now()));
            LifecycleEvents.publish(probe, unit(village, district, region, UnitKind.VILLAGE_AKIMAT, 800));
            LifecycleEvents.publish(probe, unit(town, district, region, UnitKind.TOWN, 30_000));
            for (String unit : List.of(ruralDistrict, village, town)) {
                for (int i = 0; i < 6; i++) {
                    send(probe, routed(UUID.randomUUID(), unit, district, region, TODAY.minusDays(1), "roads", null));
                }
            }
        }

        JsonPath units = Eventually.await(() -> JsonPath.from(given()
                        .get("/api/v1/dashboard/units/districts/{kato}" + PERIOD, district).asString()),
                listed -> listed.getList("received.count").equals(List.of(6, 6, 6))
                        && listed.getList("territory.kind").equals(List.of("RURAL_DISTRICT", "VILLAGE_AKIMAT", "TOWN")),
                "the three units listed with their kinds and counted");
        assertEquals(List.of(ruralDistrict, village, town), units.getList("kato"));

        JsonPath rural = JsonPath.from(asAnalyst()
                .get("/api/v1/rankings/rural-districts" + PERIOD + "&districtKato=" + district).asString());
        assertEquals("RURAL", rural.getString("group"), "the default: what the ranking showed before groups");
        assertEquals(List.of(ruralDistrict, village), compared(rural));
        assertEquals(1.0, rural.getDouble("funnel.referenceRate"));

        JsonPath towns = JsonPath.from(asAnalyst()
                .get("/api/v1/rankings/rural-districts" + PERIOD + "&districtKato=" + district + "&group=towns")
                .asString());
        assertEquals("TOWNS", towns.getString("group"));
        assertEquals(List.of(town), compared(towns));
        assertEquals(List.of(town), towns.getList("ranked.kato"));

        // the public dashboard's ranking: the same groups, each row with its kind
        JsonPath publicTowns = JsonPath.from(given()
                .get("/api/v1/dashboard/ranking/districts/{kato}" + PERIOD + "&group=TOWNS", district).asString());
        assertEquals("TOWNS", publicTowns.getString("group"));
        assertEquals(List.of(town), publicTowns.getList("ranked.kato"));
        assertEquals("TOWN", publicTowns.getString("ranked[0].territory.kind"));
        JsonPath publicRural = JsonPath.from(given()
                .get("/api/v1/dashboard/ranking/regions/{kato}" + PERIOD, region).asString());
        assertEquals("RURAL", publicRural.getString("group"));
        assertFalse(compared(publicRural).contains(town), "a town is not among the rural akims");
        assertEquals(List.of("RURAL_DISTRICT", "VILLAGE_AKIMAT"), publicRural.getList("ranked.territory.kind"));

        // cities are compared among a region's units at the district level, not among rural districts
        asAnalyst().get("/api/v1/rankings/rural-districts" + PERIOD + "&districtKato=" + district + "&group=cities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("group"))
                .body("detail", containsString("rural, towns"));
        given().get("/api/v1/dashboard/ranking/districts/{kato}" + PERIOD + "&group=cities", district).then()
                .statusCode(400);
        asAnalyst().get("/api/v1/rankings/districts" + PERIOD + "&regionKato=" + region + "&group=cities").then()
                .statusCode(200).body("group", equalTo("CITIES"));
    }

    @Test
    void theOpenDataSaysEveryUnitsKindAndPlacesItAmongItsOwnGroup() {
        String region = randomKato();
        String district = randomKato();
        String ruralDistrict = "1" + randomKato().substring(1);
        String town = "2" + randomKato().substring(1);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            LifecycleEvents.publish(probe, LifecycleEvents.ruralDistrictUnit(ruralDistrict, district, region, 2_000,
                    LocalDate.of(2024, 1, 1), Instant.now()));
            LifecycleEvents.publish(probe, unit(town, district, region, UnitKind.TOWN, 30_000));
            for (int i = 0; i < 6; i++) {
                send(probe, routed(UUID.randomUUID(), ruralDistrict, district, region, TODAY.minusDays(1), "roads",
                        null));
                send(probe, routed(UUID.randomUUID(), town, district, region, TODAY.minusDays(1), "roads", null));
            }
        }
        List<String> dictionary = given().get("/api/v1/open-data/dictionary").then().statusCode(200)
                .extract().path("name");
        assertEquals(dictionary.indexOf("level") + 1, dictionary.indexOf("kind"), "kind beside the level");
        String csv = Eventually.await(() -> given().get("/api/v1/open-data/rural-districts.csv" + PERIOD
                        + "&regionKato=" + region).asString(),
                text -> text.split("\r\n").length == 3 && !text.contains(",<5,"), "both units counted in the export");
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", dictionary), lines[0]);
        Map<String, String[]> rows = Map.of(lines[1].split(",", -1)[dictionary.indexOf("kato")],
                lines[1].split(",", -1), lines[2].split(",", -1)[dictionary.indexOf("kato")], lines[2].split(",", -1));
        assertEquals("RURAL_DISTRICT", rows.get(ruralDistrict)[dictionary.indexOf("kind")]);
        assertEquals("TOWN", rows.get(town)[dictionary.indexOf("kind")]);
        // each is the only one of its group in the export: alone in its funnel, as expected at its own rate
        for (String[] row : rows.values()) {
            assertEquals("AS_EXPECTED", row[dictionary.indexOf("trust_band")]);
            assertEquals("1.0", row[dictionary.indexOf("trust_reference_rate")]);
        }
        given().get("/api/v1/open-data/rural-districts.json" + PERIOD + "&regionKato=" + region).then()
                .statusCode(200).body("kind", hasItems("RURAL_DISTRICT", "TOWN"));
        assertTrue(given().get("/api/v1/open-data/dictionary").then().extract().<String>path(
                "find { it.name == 'kind' }.meaning").contains("TOWN"));
    }

    @Test
    void aCitysOwnAppealsCountForItsAdministrationItsRegionAndItsResidents() {
        String region = randomKato();
        String city = "1" + randomKato().substring(1);
        String cityRuralDistrict = "2" + randomKato().substring(1);
        String district = "3" + randomKato().substring(1);
        String ruralDistrict = "4" + randomKato().substring(1);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(city, UnitLevel.DISTRICT, null, region,
                    "Сынақ Қ.Ә.", "Тест Г.А.", 97_000, "Қала Әкімі", LocalDate.of(2024, 1, 1),
                    LocalDate.of(2025, 1, 1), null, Instant.now(), null, UnitKind.CITY_ADMINISTRATION));
            LifecycleEvents.publish(probe, LifecycleEvents.ruralDistrictUnit(cityRuralDistrict, city, region, 3_000,
                    LocalDate.of(2024, 1, 1), Instant.now()));
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(district, UnitLevel.DISTRICT, null, region,
                    "Сынақ ауданы", "Тестовый район", null, null, null, LocalDate.of(2025, 1, 1), null,
                    Instant.now(), null, UnitKind.DISTRICT));
            LifecycleEvents.publish(probe, LifecycleEvents.ruralDistrictUnit(ruralDistrict, district, region, 2_000,
                    LocalDate.of(2024, 1, 1), Instant.now()));
            for (int i = 0; i < 10; i++) {
                send(probe, LifecycleEvents.routedToCity(UUID.randomUUID(), city, region, TODAY.minusDays(1)));
            }
            for (int i = 0; i < 5; i++) {
                send(probe, routed(UUID.randomUUID(), cityRuralDistrict, city, region, TODAY.minusDays(1), "roads",
                        null));
                send(probe, routed(UUID.randomUUID(), ruralDistrict, district, region, TODAY.minusDays(1), "roads",
                        null));
            }
        }

        JsonPath units = Eventually.await(() -> JsonPath.from(given()
                        .get("/api/v1/dashboard/units/regions/{kato}" + PERIOD, region).asString()),
                listed -> listed.getList("received.count").equals(List.of(15, 5))
                        && listed.getList("territory.kind").equals(List.of("CITY_ADMINISTRATION", "DISTRICT"))
                        && listed.getList("territory.residents").equals(List.of(100_000, 2_000)),
                "the city administration counted with its own appeals and its rural district's, its residents the "
                        + "city's and its rural district's; the district with its rural district's");
        assertEquals(List.of(city, district), units.getList("kato"));
        assertEquals(0.15, units.getDouble("[0].receivedPer1000Residents"), 1e-9);

        JsonPath headline = JsonPath.from(given().get("/api/v1/dashboard/headline/regions/{kato}" + PERIOD, region)
                .asString());
        assertEquals(20, headline.getInt("received.count"), "every appeal of the region, the city's own among them");
        assertEquals(102_000, headline.getInt("territory.residents"));

        JsonPath cities = JsonPath.from(asAnalyst()
                .get("/api/v1/rankings/districts" + PERIOD + "&regionKato=" + region + "&group=cities").asString());
        assertEquals(List.of(city), compared(cities), "the city administration among the cities, not the districts");
        JsonPath rural = JsonPath.from(asAnalyst()
                .get("/api/v1/rankings/rural-districts" + PERIOD + "&regionKato=" + region).asString());
        assertEquals(List.of(cityRuralDistrict, ruralDistrict).stream().sorted().toList(), compared(rural),
                "no rural akim is charged with the city's own appeals");
    }

    private static TerritorialUnitPublished unit(String kato, String district, String region, UnitKind kind,
                                                 int population) {
        return new TerritorialUnitPublished(kato, UnitLevel.RURAL_DISTRICT, district, region, "Сынақ " + kind,
                "Тест " + kind, population, "Сынақ Әкім", LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), null,
                Instant.now(), null, kind);
    }

    /** Every unit a ranking compares: ranked, or listed as not ranked. */
    private static List<String> compared(JsonPath ranking) {
        List<String> units = new ArrayList<>(ranking.getList("ranked.kato"));
        units.addAll(ranking.getList("notRanked.kato"));
        return units.stream().sorted().toList();
    }

    private static io.restassured.specification.RequestSpecification asAnalyst() {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST));
    }
}
