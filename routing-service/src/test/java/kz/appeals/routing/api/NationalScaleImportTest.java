package kz.appeals.routing.api;

import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.routing.domain.Boundary;
import kz.appeals.routing.domain.SyntheticTerritory;
import kz.appeals.routing.service.SyntheticTerritoryFiles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The synthetic national-size territory goes through the same admin API as any classifier, and routes. It is in
 * force only from 2030, so the other tests, whose appeals are registered earlier, never see its names.
 */
@QuarkusTest
class NationalScaleImportTest {

    private static final LocalDate IN_FORCE = LocalDate.of(2030, 1, 1);

    @Test
    void theNationalSizeSetImportsThroughTheAdminApiAndRoutesByCoordinates() throws IOException {
        SyntheticTerritory.Data data = SyntheticTerritory.national(2334);
        StringWriter kato = new StringWriter();
        StringWriter akims = new StringWriter();
        StringWriter boundaries = new StringWriter();
        SyntheticTerritoryFiles.classifier(data, kato);
        SyntheticTerritoryFiles.akims(data, 2334, akims);
        SyntheticTerritoryFiles.boundaries(data, boundaries);

        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(kato.toString())
                .post("/api/v1/admin/territory/classifier?effectiveFrom=" + IN_FORCE + "")
                .then().statusCode(200).body("rows", equalTo(data.units().size()));
        given().header("Authorization", ADMIN).contentType("text/csv; charset=UTF-8").body(akims.toString())
                .post("/api/v1/admin/territory/akims?effectiveFrom=" + IN_FORCE + "")
                .then().statusCode(200).body("rows", equalTo(SyntheticTerritory.RURAL_DISTRICTS));
        given().header("Authorization", ADMIN).contentType("application/geo+json").body(boundaries.toString())
                .post("/api/v1/admin/territory/boundaries?effectiveFrom=" + IN_FORCE + "")
                .then().statusCode(200).body("rows", equalTo(SyntheticTerritory.RURAL_DISTRICTS));
        given().header("Authorization", ADMIN).get("/api/v1/admin/territory/import/progress")
                .then().statusCode(200).body("done", equalTo(SyntheticTerritory.RURAL_DISTRICTS));

        Boundary somewhere = data.boundaries().get(1_500);
        Coordinate inside = SyntheticTerritory.pointInside(somewhere);
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            Instant now = Instant.now();
            RoutingFlowTest.submit(routing, new AppealEvents.Submitted(appealId, "KZ30-0000001-X",
                    AppealEvents.AppealType.APPLICATION, "roads", "Жол жөндеу керек", AppealEvents.Language.kk,
                    new Location(null, inside.y, inside.x, null), "egov", "ab".repeat(32), false, 0, now,
                    IN_FORCE.plusDays(1), now));
            AppealEvents.Routed routed = EventJson.read(routing.await(
                    KafkaProbe.ofType(EventType.ROUTED, appealId.toString()), Duration.ofSeconds(30)).value(),
                    AppealEvents.Routed.class);
            assertEquals("rural-akim:" + somewhere.katoCode(), routed.body().code());
        }
    }
}
