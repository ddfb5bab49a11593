package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static kz.appeals.routing.api.RoutingFlowTest.OPERATOR;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Reference data through the admin API: the classifier as the statistics bureau publishes it (.xlsx and CSV),
 * versions by effective date, boundaries, rejection of broken files, and competence rules as data. Uses its own
 * synthetic region 98 so that the SAMPLE region 99 the other tests route in stays as bundled.
 */
@QuarkusTest
class ReferenceDataAdminTest {

    /** RestAssured would otherwise encode text/* bodies as ISO-8859-1, which has no Cyrillic. */
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "te;ab;cd;ef;hij;k;name_kaz;name_rus;nn\n";

    @Test
    void theOfficialSpreadsheetIsImportedAndARenameIsANewVersionThatLeavesThePastAlone() throws IOException {
        byte[] workbook = workbook(new String[][]{
                {"te", "ab", "cd", "ef", "hij", "k", "name_kaz", "name_rus", "nn"},
                {"980000000", "98", "00", "00", "000", "1", "Сынақ облысы", "Тестовая область", ""},
                {"981000000", "98", "10", "00", "000", "2", "Сынақ ауданы", "Тестовый район", ""},
                {"981021000", "98", "10", "21", "000", "3", "Шығыс ауылдық округі", "Шыгысский сельский округ", ""},
                {"981021001", "98", "10", "21", "001", "4", "Шығыс ауылы", "село Шыгыс", ""}});
        given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(workbook)
                .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01&source=test.xlsx")
                .then().statusCode(200).body("rows", equalTo(4)).body("kind", equalTo("CLASSIFIER"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/territory/import/progress")
                .then().statusCode(200).body("phase", equalTo("finished")).body("done", equalTo(4))
                .body("outcome", containsString("imported"));

        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            given().header("Authorization", ADMIN).contentType(CSV).body(HEADER
                            + "980000000;98;00;00;000;1;Сынақ облысы;Тестовая область;\n"
                            + "981000000;98;10;00;000;2;Сынақ ауданы;Тестовый район;\n"
                            + "981021000;98;10;21;000;3;Шығыс ауылдық округі;Шыгысский сельский округ;\n"
                            + "981021001;98;10;21;001;4;Жаңа Шығыс ауылы;село Жана Шыгыс;\n")
                    .post("/api/v1/admin/territory/classifier?effectiveFrom=2026-07-01")
                    .then().statusCode(200).body("changed", equalTo(1)).body("added", equalTo(0));
            TerritoryEvents.SettlementPublished published = EventJson.read(territory.await(
                    r -> "981021001".equals(r.key()), Duration.ofSeconds(20)).value(),
                    TerritoryEvents.SettlementPublished.class);
            assertEquals("Жаңа Шығыс ауылы", published.nameKk());
        }
        given().header("Authorization", OPERATOR).get("/api/v1/territory/981021001/versions")
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].nameKk", equalTo("Жаңа Шығыс ауылы")).body("[0].validFrom", equalTo("2026-07-01"))
                .body("[1].nameKk", equalTo("Шығыс ауылы")).body("[1].validTo", equalTo("2026-07-01"));
        // a change dated before the version in force would rewrite the past: refused
        given().header("Authorization", ADMIN).contentType(CSV)
                .body(HEADER + "981021001;98;10;21;001;4;Басқа ауыл;Другое село;\n")
                .post("/api/v1/admin/territory/classifier?effectiveFrom=2026-01-01")
                .then().statusCode(422).body("errors.field", hasItem("row 2.te"));
    }

    @Test
    void aBrokenFileIsReportedByRowAndColumnAndNothingOfItIsImported() {
        given().header("Authorization", ADMIN).contentType(CSV).body(HEADER
                        + "970000000;97;00;00;000;1;Қате облысы;Ошибочная область;\n"
                        + "97100000;97;10;00;000;2;Қате ауданы;Ошибочный район;\n"
                        + "971021000;97;11;21;000;3;;Ошибочный сельский округ;\n")
                .post("/api/v1/admin/territory/classifier")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("row 3.te"))
                .body("errors.field", hasItem("row 4.cd"))
                .body("errors.field", hasItem("row 4.name_kaz"))
                .body("detail", containsString("Nothing was imported"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/territory/import/progress")
                .then().statusCode(200).body("outcome", containsString("rejected, nothing imported"));
        given().header("Authorization", OPERATOR).get("/api/v1/territory/970000000").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType(CSV).body("te;name_kaz\n970000000;x\n")
                .post("/api/v1/admin/territory/classifier")
                .then().statusCode(422).body("errors[0].message", containsString("name_rus"));
        given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(new byte[]{1, 2, 3})
                .post("/api/v1/admin/territory/classifier").then().statusCode(422).body("errors[0].field", equalTo("file"));
        given().header("Authorization", ADMIN).contentType(CSV)
                .body("rural_district_kato;akim_name;elected_since;population;office_phone;office_email\n"
                        + "991021000;Сейітов Ерлан;10.01.2025;many;+77182000000;akimat\n")
                .post("/api/v1/admin/territory/akims")
                .then().statusCode(422)
                .body("errors.field", hasItem("row 2.elected_since"))
                .body("errors.field", hasItem("row 2.population"))
                .body("errors.field", hasItem("row 2.office_email"));
        given().header("Authorization", ADMIN).contentType("application/geo+json").body("""
                        {"type":"FeatureCollection","features":[
                         {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},
                         {"type":"Feature","properties":{"kato":"99102"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}""")
                .post("/api/v1/admin/territory/boundaries")
                .then().statusCode(422)
                .body("errors.field", hasItem("features[0].geometry"))
                .body("errors.field", hasItem("features[1].properties.kato"));
        given().header("Authorization", ADMIN).contentType(CSV).body(HEADER)
                .post("/api/v1/admin/territory/classifier?effectiveFrom=yesterday")
                .then().statusCode(422).body("errors[0].field", equalTo("effectiveFrom"));
    }

    @Test
    void unitsAboveTheSettlementArePublishedWithTheRuralDistrictsAkimAndPopulation() {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            given().header("Authorization", ADMIN).contentType(CSV).body(HEADER
                            + "960000000;96;00;00;000;1;Карта облысы;Картовая область;\n"
                            + "961000000;96;10;00;000;2;Карта ауданы;Картовый район;\n"
                            + "961021000;96;10;21;000;3;Карта ауылдық округі;Картовый сельский округ;\n"
                            + "961021001;96;10;21;001;4;Карта ауылы;село Картовое;\n")
                    .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01")
                    .then().statusCode(200).body("added", equalTo(4));
            TerritoryEvents.TerritorialUnitPublished district = EventJson.read(territory.await(
                    r -> "961000000".equals(r.key()), Duration.ofSeconds(20)).value(),
                    TerritoryEvents.TerritorialUnitPublished.class);
            assertEquals(TerritoryEvents.UnitLevel.DISTRICT, district.level());
            assertEquals("960000000", district.regionKato());

            given().header("Authorization", ADMIN).contentType(CSV).body("""
                            rural_district_kato;akim_name;elected_since;population;office_phone;office_email
                            961021000;Картаев Ерлан;2025-03-01;2450;+77180000000;akimat-961021@sample.invalid
                            """)
                    .post("/api/v1/admin/territory/akims?effectiveFrom=2025-03-01")
                    .then().statusCode(200).body("changed", equalTo(1));
            TerritoryEvents.TerritorialUnitPublished ruralDistrict = EventJson.read(territory.await(
                    r -> "961021000".equals(r.key()) && r.value().contains("2450"), Duration.ofSeconds(20)).value(),
                    TerritoryEvents.TerritorialUnitPublished.class);
            assertEquals(TerritoryEvents.UnitLevel.RURAL_DISTRICT, ruralDistrict.level());
            assertEquals("961000000", ruralDistrict.districtKato());
            assertEquals("Картаев Ерлан", ruralDistrict.akimName());
            assertEquals(java.time.LocalDate.of(2025, 3, 1), ruralDistrict.akimElectedSince());
            assertEquals(2450, ruralDistrict.population());
        }
    }

    @Test
    void thePublicDashboardsMapReadsARegionsBoundariesAcrossOriginsAndRevalidatesThem() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample").then().statusCode(200);
        String dashboard = "http://127.0.0.1:8085";
        io.restassured.response.Response anonymous = given().header("Origin", dashboard)
                .get("/api/v1/territory/boundaries?regionKato=990000000");
        anonymous.then().statusCode(200).contentType("application/geo+json")
                .header("Access-Control-Allow-Origin", dashboard)
                .header("Cache-Control", containsString("public"))
                .header("Vary", containsString("Origin"))
                .body("type", equalTo("FeatureCollection"))
                .body("features[0].geometry.type", equalTo("Polygon"))
                .body("features[0].geometry.coordinates[0][0]", hasSize(2)); // a ring's first [longitude, latitude]
        java.util.List<String> codes = anonymous.path("features.properties.kato");
        assertEquals(codes.stream().sorted().toList(), codes);
        org.junit.jupiter.api.Assertions.assertTrue(codes.contains("991021000") && codes.size() > 3, "codes: " + codes);
        org.junit.jupiter.api.Assertions.assertTrue(codes.stream().allMatch(code -> code.startsWith("99")));
        // the sample's 5 decimal places, served at 4
        org.junit.jupiter.api.Assertions.assertFalse(java.util.regex.Pattern.compile("\\.\\d{5}")
                .matcher(anonymous.asString()).find(), "a coordinate with more than 4 decimal places");

        // the browser's and a shared cache's revalidation: 304 without a body while no import changed anything
        String tag = anonymous.header("ETag");
        String modified = anonymous.header("Last-Modified");
        org.junit.jupiter.api.Assertions.assertTrue(tag != null && modified != null, tag + " " + modified);
        given().header("If-None-Match", tag).get("/api/v1/territory/boundaries?regionKato=990000000")
                .then().statusCode(304).header("ETag", tag).header("Cache-Control", containsString("max-age"))
                .body(equalTo(""));
        given().header("If-Modified-Since", modified).get("/api/v1/territory/boundaries?regionKato=990000000")
                .then().statusCode(304);
        // a tag that does not match wins over a date that would
        given().header("If-None-Match", "\"99-0\"").header("If-Modified-Since", modified)
                .get("/api/v1/territory/boundaries?regionKato=990000000").then().statusCode(200);
        // another region's copy is another resource
        String otherRegion = given().get("/api/v1/territory/boundaries?regionKato=880000000")
                .then().statusCode(200).body("features", hasSize(0)).extract().header("ETag");
        assertNotEquals(tag, otherRegion);
        // an import is a new state of the territory: the old tag no longer matches
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample").then().statusCode(200);
        given().header("If-None-Match", tag).get("/api/v1/territory/boundaries?regionKato=990000000")
                .then().statusCode(200).header("ETag", org.hamcrest.Matchers.not(tag));

        // bad input is problem+json for anyone; a token is not needed, but a valid one does no harm
        given().get("/api/v1/territory/boundaries?regionKato=99")
                .then().statusCode(422).contentType("application/problem+json");
        given().get("/api/v1/territory/boundaries")
                .then().statusCode(422).contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/territory/boundaries?regionKato=990000000").then().statusCode(200);
        given().header("Origin", dashboard).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/territory/boundaries?regionKato=990000000")
                .then().statusCode(200).header("Access-Control-Allow-Origin", dashboard);
    }

    @Test
    void competenceRulesAreDataThatAdministratorsEdit() {
        given().header("Authorization", ADMIN).post("/api/v1/admin/territory/import?source=sample").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/api/v1/admin/competence-rules")
                .then().statusCode(200).body("categoryCode", hasItem("health"));
        given().header("Authorization", ADMIN).contentType("application/json").body("""
                        {"responsibility":"UTILITY","departmentCode":"water","nameKk":"Су арнасы","nameRu":"Водоканал",
                         "note":"Water supply is the regional water utility's."}""")
                .put("/api/v1/admin/competence-rules/water-supply/ANY")
                .then().statusCode(200).body("responsibility", equalTo("UTILITY"));
        given().header("Authorization", ADMIN).contentType("application/json").body("""
                        {"responsibility":"MAYOR","departmentCode":"water","nameKk":"x","nameRu":"x","note":"x"}""")
                .put("/api/v1/admin/competence-rules/water-supply/ANY")
                .then().statusCode(422).body("errors[0].field", equalTo("responsibility"));
        given().header("Authorization", OPERATOR).get("/api/v1/admin/competence-rules").then().statusCode(403);

        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            RoutingFlowTest.submit(routing, RoutingFlowTest.submitted(appealId, "water-supply",
                    new Location("991021001", null, null, null)));
            AppealEvents.Routed routed = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), Duration.ofSeconds(20)).value(),
                    AppealEvents.Routed.class);
            assertEquals("utility:water:990000000", routed.body().code());
        }
        given().header("Authorization", ADMIN).delete("/api/v1/admin/competence-rules/water-supply/ANY")
                .then().statusCode(204);
        given().header("Authorization", ADMIN).delete("/api/v1/admin/competence-rules/water-supply/ANY")
                .then().statusCode(404);
    }

    private static byte[] workbook(String[][] rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("KATO");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    // the bureau's file stores codes as numbers: the reader must not turn them into 9.8E8
                    if (r > 0 && c == 0) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][c]));
                    } else {
                        row.createCell(c).setCellValue(rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
