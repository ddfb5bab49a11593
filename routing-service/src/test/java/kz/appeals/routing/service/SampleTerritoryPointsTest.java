package kz.appeals.routing.service;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo territory `./appeals up` loads shows every settlement at a point of its own, inside its rural district. */
class SampleTerritoryPointsTest {

    @Test
    void everySampleSettlementHasAPointInsideItsRuralDistrict() {
        TabularFile kato = TabularFile.csv(new InputStreamReader(
                getClass().getResourceAsStream("/reference/sample-kato.csv"), StandardCharsets.UTF_8));
        Map<String, Geometry> boundaries = GeoJson.read(getClass().getResourceAsStream(
                        "/reference/sample-boundaries.geojson")).features().stream()
                .collect(Collectors.toMap(GeoJson.Feature::katoCode, GeoJson.Feature::area));
        GeometryFactory geometry = new GeometryFactory();
        int settlements = 0;
        for (TabularFile.Line row : kato.rows()) {
            String code = row.get("te");
            if (code.endsWith("000")) {
                assertTrue(row.get("latitude").isEmpty(), code + ": a unit is shown inside its boundary instead");
                continue;
            }
            settlements++;
            assertFalse(row.get("latitude").isEmpty() || row.get("longitude").isEmpty(), code + " has no point");
            Geometry ruralDistrict = boundaries.get(code.substring(0, 6) + "000");
            assertTrue(ruralDistrict.contains(geometry.createPoint(new Coordinate(
                    Double.parseDouble(row.get("longitude")), Double.parseDouble(row.get("latitude"))))),
                    code + " lies outside its rural district");
        }
        assertEquals(291, settlements);
    }
}
