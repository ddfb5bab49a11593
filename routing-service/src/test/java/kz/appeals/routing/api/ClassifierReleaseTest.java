package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.service.RoutedAppealRepository;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static kz.appeals.routing.api.RoutingFlowTest.OPERATOR;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new release of the classifier, as an operator imports it: the official .xlsx of the statistics bureau (first sheet,
 * columns {@code te, ab, cd, ef, hij, k, name_kaz, name_rus, nn}; the code and the level as numbers, the code's parts
 * as text with their zeros), generated here in that layout. The second release renames the district, merges two rural
 * districts (the absorbed one's village gets a code under the other, as the bureau recodes it), retires a rural
 * district with its village and creates a new one — as districts were created, renamed and merged in 2022–2024.
 * Appeals routed before keep the body and its name as decided; appeals registered from the release's day route to the
 * new structure, those registered before it by the classifier of their day; the old code of a recoded village follows
 * it to its new code; a code retired without successor gets a triage reason that says so. Uses a region code no other test uses, free in the database, so the test can run again on the same one.
 */
@QuarkusTest
class ClassifierReleaseTest {

    private static final LocalDate FIRST_RELEASE = LocalDate.of(2025, 1, 1);
    private static final LocalDate SECOND_RELEASE = LocalDate.of(2026, 12, 1);
    private static final LocalDate BEFORE = LocalDate.of(2026, 11, 23);
    private static final LocalDate AFTER = LocalDate.of(2026, 12, 7);

    @Inject
    RoutedAppealRepository routedAppeals;

    @Test
    void aReleaseThatRenamesMergesRetiresAndCreatesUnitsKeepsEarlierDecisions() throws IOException {
        String r = freeRegion();
        String district = r + "1000000";
        String merging = r + "1021000";
        String absorbed = r + "1023000";
        String retired = r + "1025000";
        String created = r + "1027000";
        given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(officialWorkbook(List.of(
                        row(r + "0000000", "Сынақ облысы", "Тестовая область"),
                        row(district, "Ескіқала ауданы", "Ескикалинский район"),
                        row(merging, "Алғабас ауылдық округі", "Алгабасский сельский округ"),
                        row(r + "1021001", "Алғабас ауылы", "с.Алгабас"),
                        row(absorbed, "Бірлесу ауылдық округі", "Бирлесуский с.о."),
                        row(r + "1023001", "Бірлесу ауылы", "с.Бирлесу"),
                        row(retired, "Жоғалған ауылдық округі", "с.о. Жогалган"),
                        row(r + "1025001", "Жоғалған ауылы", "с.Жогалган"))))
                .post("/api/v1/admin/territory/classifier?effectiveFrom=" + FIRST_RELEASE + "&source=KATO-2025.xlsx")
                .then().statusCode(200).body("rows", equalTo(8)).body("added", equalTo(8));

        UUID inAbsorbed;
        UUID inRetired;
        UUID schoolsBefore;
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            inAbsorbed = routed(routing, r + "1023001", "roads", BEFORE, "rural-akim:" + absorbed);
            inRetired = routed(routing, r + "1025001", "roads", BEFORE, "rural-akim:" + retired);
            schoolsBefore = routed(routing, r + "1021001", "schools", BEFORE, "district:education:" + district);
        }
        List<RoutedAppeal> decided = List.of(routedAppeals.findById(inAbsorbed), routedAppeals.findById(inRetired),
                routedAppeals.findById(schoolsBefore));
        assertTrue(decided.get(2).bodyNameRu.contains("Ескикалинский район"), decided.get(2).bodyNameRu);

        given().header("Authorization", ADMIN).contentType(TerritoryAdminResource.XLSX).body(officialWorkbook(List.of(
                        row(r + "0000000", "Сынақ облысы", "Тестовая область"),
                        row(district, "Жаңақала ауданы", "Жанакалинский район"),
                        row(merging, "Алғабас ауылдық округі", "Алгабасский сельский округ"),
                        row(r + "1021001", "Алғабас ауылы", "с.Алгабас"),
                        row(r + "1021003", "Бірлесу ауылы", "с.Бирлесу"),
                        row(created, "Жаңажол ауылдық округі", "Жанажольский сельский округ"),
                        row(r + "1027001", "Жаңажол ауылы", "с.Жанажол"))))
                .post("/api/v1/admin/territory/classifier?effectiveFrom=" + SECOND_RELEASE + "&source=KATO-2026.xlsx")
                .then().statusCode(200).body("rows", equalTo(7)).body("added", equalTo(3)).body("changed", equalTo(1))
                .body("retired", equalTo(4));

        // decisions made before the release are the past: the same body, under the name it had
        for (RoutedAppeal before : decided) {
            routedAppeals.getEntityManager().clear();
            RoutedAppeal now = routedAppeals.findById(before.appealId);
            assertEquals(before.bodyCode, now.bodyCode);
            assertEquals(before.bodyNameRu, now.bodyNameRu);
            assertEquals(before.bodyNameKk, now.bodyNameKk);
            given().header("Authorization", OPERATOR).get("/api/v1/routes/" + before.appealId)
                    .then().statusCode(200).body("bodyCode", equalTo(before.bodyCode));
        }

        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            // the merged village at its new code goes to the rural district that absorbed it
            routed(routing, r + "1021003", "roads", AFTER, "rural-akim:" + merging);
            routed(routing, r + "1027001", "roads", AFTER, "rural-akim:" + created);
            UUID schoolsAfter = routed(routing, r + "1021003", "schools", AFTER, "district:education:" + district);
            assertTrue(routedAppeals.findById(schoolsAfter).bodyNameRu.contains("Жанакалинский район"));
            // an appeal registered before the release's day is placed by the classifier of its day
            routed(routing, r + "1025001", "roads", SECOND_RELEASE.minusDays(1), "rural-akim:" + retired);

            // the absorbed village's old code: the release recoded it (same names, district and day), so it follows
            UUID atOldCode = routed(routing, r + "1023001", "roads", AFTER, "rural-akim:" + merging);
            assertTrue(routedAppeals.findById(atOldCode).reason.contains("KATO code " + r + "1023001 (с.Бирлесу),"
                    + " retired on " + SECOND_RELEASE + ", is now " + r + "1021003"), routedAppeals.findById(atOldCode).reason);

            UUID atRetiredCode = UUID.randomUUID();
            RoutingFlowTest.submit(routing, submitted(atRetiredCode, "roads", r + "1025001", AFTER));
            AppealEvents.NeedsTriage triage = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.NEEDS_TRIAGE, atRetiredCode.toString()), Duration.ofSeconds(20)).value(),
                    AppealEvents.NeedsTriage.class);
            assertTrue(triage.reason().contains("KATO code " + r + "1025001 (с.Жогалган) was retired from the"
                    + " classifier on " + SECOND_RELEASE), triage.reason());
        }
    }

    /** A region code no unit of the database has yet (even codes 50–90: the synthetic national set has odd ones). */
    private static String freeRegion() {
        for (int code = 50; code <= 90; code += 2) {
            if (given().header("Authorization", OPERATOR).get("/api/v1/territory/" + code + "0000000")
                    .statusCode() == 404) {
                return String.valueOf(code);
            }
        }
        throw new IllegalStateException("no free region code left in the test database");
    }

    private UUID routed(KafkaProbe routing, String kato, String category, LocalDate day, String expectedBody) {
        UUID appealId = UUID.randomUUID();
        RoutingFlowTest.submit(routing, submitted(appealId, category, kato, day));
        AppealEvents.Routed routed = EventJson.read(routing.await(
                KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), Duration.ofSeconds(20)).value(),
                AppealEvents.Routed.class);
        assertEquals(expectedBody, routed.body().code(), kato + " on " + day);
        return appealId;
    }

    private static AppealEvents.Submitted submitted(UUID appealId, String category, String kato, LocalDate day) {
        Instant now = Instant.now();
        return new AppealEvents.Submitted(appealId, "KZ26-0000002-X", AppealType.APPLICATION, category,
                "Жол жөндеу керек", Language.kk, new Location(kato, null, null, null), "egov", "ab".repeat(32),
                false, 0, now, day, now);
    }

    private static String[] row(String te, String nameKaz, String nameRus) {
        return new String[]{te, nameKaz, nameRus};
    }

    /**
     * The bureau's layout: {@code te} the whole code as a number, {@code ab cd ef hij} its parts as text with their
     * zeros, {@code k} the level (1 region … 4 locality) as a number, the names, {@code nn} empty.
     */
    private static byte[] officialWorkbook(List<String[]> units) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("КАТО");
            List<String> header = List.of("te", "ab", "cd", "ef", "hij", "k", "name_kaz", "name_rus", "nn");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            int r = 1;
            for (String[] unit : units) {
                String te = unit[0];
                List<String> parts = new ArrayList<>(List.of(te.substring(0, 2), te.substring(2, 4), te.substring(4, 6),
                        te.substring(6, 9)));
                int level = te.endsWith("0000000") ? 1 : te.endsWith("00000") ? 2 : te.endsWith("000") ? 3 : 4;
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(Double.parseDouble(te));
                for (int c = 0; c < 4; c++) {
                    row.createCell(1 + c).setCellValue(parts.get(c));
                }
                row.createCell(5).setCellValue(level);
                row.createCell(6).setCellValue(unit[1]);
                row.createCell(7).setCellValue(unit[2]);
                row.createCell(8).setCellValue("");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
