package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.Point;
import kz.appeals.contracts.TerritoryEvents.PointSource;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static kz.appeals.routing.api.RoutingFlowTest.OPERATOR;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every place on the territory topic gets a point to show it at: the one the classifier file gives (CSV or .xlsx
 * columns latitude and longitude), else an interior point of the smallest boundary above it, republished when a
 * boundary import moves it. Own regions 90, 91 and 95.
 */
@QuarkusTest
class PlacePointsImportTest {

    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String HEADER = "te;ab;cd;ef;hij;k;name_kaz;name_rus;nn;latitude;longitude\n";
    /** A C-shaped rural district: its centroid (about 48.5° N, 70.4° E) lies in the gap, outside it. */
    private static final String HORSESHOE_WKT = "POLYGON ((70 48, 71 48, 71 48.2, 70.2 48.2, 70.2 48.8, 71 48.8, "
            + "71 49, 70 49, 70 48))";
    private static final String HORSESHOE_GEOJSON = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kato":"951021000"},
             "geometry":{"type":"Polygon","coordinates":[[[70,48],[71,48],[71,48.2],[70.2,48.2],[70.2,48.8],[71,48.8],
             [71,49],[70,49],[70,48]]]}}]}""";

    @Test
    void aSettlementIsPublishedAtItsOwnPointElseInsideTheSmallestBoundaryAboveIt() throws Exception {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            given().header("Authorization", ADMIN).contentType(CSV).body(HEADER
                            + "950000000;95;00;00;000;1;Нүкте облысы;Точечная область;;;\n"
                            + "951000000;95;10;00;000;2;Нүкте ауданы;Точечный район;;;\n"
                            + "951021000;95;10;21;000;3;Нүкте ауылдық округі;Точечный сельский округ;;;\n"
                            + "951021001;95;10;21;001;4;Нүкте ауылы;село Точечное;;48,1;70,55\n"
                            + "951021002;95;10;21;002;4;Шет ауылы;село Шет;;;\n")
                    .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01")
                    .then().statusCode(200).body("added", equalTo(5));
            SettlementPublished given = settlement(territory, "951021001", null);
            assertEquals(new Point(48.1, 70.55, PointSource.CLASSIFIER, null), given.point(),
                    "a decimal comma, as a Russian-locale spreadsheet writes it, is read");
            assertNull(settlement(territory, "951021002", null).point(), "no point given, no boundary yet");

            given().header("Authorization", ADMIN).contentType("application/geo+json").body(HORSESHOE_GEOJSON)
                    .post("/api/v1/admin/territory/boundaries?effectiveFrom=2025-01-01")
                    .then().statusCode(200).body("added", equalTo(1));
            Point derived = settlement(territory, "951021002", PointSource.BOUNDARY).point();
            assertEquals("951021000", derived.boundaryKato());
            assertTrue(new WKTReader().read(HORSESHOE_WKT).contains(new GeometryFactory().createPoint(
                    new Coordinate(derived.longitude(), derived.latitude()))), "inside the district: " + derived);
            var ruralDistrict = territory.await(r -> "951021000".equals(r.key()) && r.value().contains("BOUNDARY"),
                    Duration.ofSeconds(20));
            ContractValidator.assertValid(EventType.TERRITORIAL_UNIT_PUBLISHED, ruralDistrict.value());
            assertEquals(derived, EventJson.read(ruralDistrict.value(), TerritorialUnitPublished.class).point());
        }
        given().header("Authorization", OPERATOR).get("/api/v1/territory/951021001").then().statusCode(200)
                .body("latitude", equalTo(48.1f)).body("longitude", equalTo(70.55f));
    }

    @Test
    void theSpreadsheetsPointColumnsAreReadAndAMovedPointIsANewVersion() throws Exception {
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(workbook(48.123456))
                    .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01")
                    .then().statusCode(200);
            assertEquals(new Point(48.123456, 71.5, PointSource.CLASSIFIER, null),
                    settlement(territory, "911041001", PointSource.CLASSIFIER).point());
            given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(workbook(48.2))
                    .post("/api/v1/admin/territory/classifier?effectiveFrom=2026-02-01")
                    .then().statusCode(200).body("changed", equalTo(1));
            assertEquals(48.2, settlement(territory, "911041001", PointSource.CLASSIFIER).point().latitude());
        }
        given().header("Authorization", OPERATOR).get("/api/v1/territory/911041001/versions").then().statusCode(200)
                .body("[0].latitude", equalTo(48.2f)).body("[1].latitude", equalTo(48.123456f))
                .body("[1].validTo", equalTo("2026-02-01"));
    }

    @Test
    void aBadPointIsNamedByRowAndColumn() {
        given().header("Authorization", ADMIN).contentType(CSV).body(HEADER
                        + "900000000;90;00;00;000;1;Нүкте облысы;Точечная область;;;\n"
                        + "901031001;90;10;31;001;4;Ауыл;село;;70.5;48.1\n"
                        + "901031002;90;10;31;002;4;Ауыл;село;;48.1;\n"
                        + "901031003;90;10;31;003;4;Ауыл;село;;north;70\n")
                .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01")
                .then().statusCode(422)
                .body("errors.field", hasItem("row 3.latitude"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("swapped")))
                .body("errors.field", hasItem("row 4.longitude"))
                .body("errors.field", hasItem("row 5.latitude"));
        given().header("Authorization", ADMIN).contentType(CSV)
                .body("te;name_kaz;name_rus;latitude\n950000000;Нүкте облысы;Точечная область;48\n")
                .post("/api/v1/admin/territory/classifier")
                .then().statusCode(422).body("errors[0].message", equalTo("Missing column longitude"));
    }

    private static SettlementPublished settlement(KafkaProbe territory, String kato, PointSource source) {
        String value = territory.await(r -> kato.equals(r.key()) && (source == null || r.value().contains(source.name())),
                Duration.ofSeconds(20)).value();
        ContractValidator.assertValid(EventType.SETTLEMENT_PUBLISHED, value);
        return EventJson.read(value, SettlementPublished.class);
    }

    /** Region 91 as the bureau's sheet, the point columns numeric as Excel stores them. */
    private static byte[] workbook(double latitude) throws Exception {
        Object[][] rows = {
                {"te", "ab", "cd", "ef", "hij", "k", "name_kaz", "name_rus", "nn", "latitude", "longitude"},
                {"910000000", "91", "00", "00", "000", "1", "Нүкте облысы", "Точечная область", "", null, null},
                {"911000000", "91", "10", "00", "000", "2", "Нүкте ауданы", "Точечный район", "", null, null},
                {"911021000", "91", "10", "21", "000", "3", "Нүкте ауылдық округі", "Точечный сельский округ", "", null, null},
                {"911021001", "91", "10", "21", "001", "4", "Нүкте ауылы", "село Точечное", "", 48.1, 70.55},
                {"911021002", "91", "10", "21", "002", "4", "Шет ауылы", "село Шет", "", null, null},
                {"911041000", "91", "10", "41", "000", "3", "Кесте ауылдық округі", "Табличный сельский округ", "", null, null},
                {"911041001", "91", "10", "41", "001", "4", "Кесте ауылы", "село Табличное", "", latitude, 71.5}};
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("KATO");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
