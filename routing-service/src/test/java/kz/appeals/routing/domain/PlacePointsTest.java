package kz.appeals.routing.domain;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacePointsTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    /** A C-shaped rural district open to the east: its centroid lies in the gap, outside it. */
    private static final Polygon HORSESHOE = polygon(70, 48, 71, 48, 71, 48.2, 70.2, 48.2, 70.2, 48.8, 71, 48.8,
            71, 49, 70, 49, 70, 48);
    private static final Polygon DISTRICT = polygon(69, 47, 72, 47, 72, 50, 69, 50, 69, 47);

    @Test
    void aPlaceWithoutAPointOfItsOwnLiesInsideTheSmallestBoundaryAboveIt() {
        assertFalse(HORSESHOE.contains(HORSESHOE.getCentroid()), "the fixture's centroid must lie outside it");
        PlacePoints points = new PlacePoints(Map.of("951021000", HORSESHOE, "951000000", DISTRICT));

        PlacePoints.PlacePoint village = points.of(unit("951021001", null, null)).orElseThrow();
        assertEquals(PlacePoints.Source.BOUNDARY, village.source());
        assertEquals("951021000", village.boundaryKato(), "the rural district's boundary, not the district's");
        assertTrue(HORSESHOE.contains(point(village)), "inside the horseshoe: " + village);

        assertEquals("951021000", points.of(unit("951021000", null, null)).orElseThrow().boundaryKato(),
                "a unit with a boundary is shown inside its own");
        assertEquals("951000000", points.of(unit("951023001", null, null)).orElseThrow().boundaryKato(),
                "a village of a rural district without a boundary falls back to the district's");
        assertTrue(points.of(unit("960000000", null, null)).isEmpty(), "no boundary at or above it: no point");
    }

    @Test
    void aPointTheClassifierGaveWins() {
        PlacePoints points = new PlacePoints(Map.of("951021000", HORSESHOE));
        assertEquals(new PlacePoints.PlacePoint(48.1, 70.5, PlacePoints.Source.CLASSIFIER, null),
                points.of(unit("951021001", 48.1, 70.5)).orElseThrow());
    }

    private static TerritorialUnit unit(String kato, Double latitude, Double longitude) {
        TerritorialUnit unit = new TerritorialUnit();
        unit.katoCode = kato;
        unit.validFrom = LocalDate.of(2025, 1, 1);
        unit.latitude = latitude;
        unit.longitude = longitude;
        return unit;
    }

    private static Geometry point(PlacePoints.PlacePoint point) {
        return GEOMETRY.createPoint(new Coordinate(point.longitude(), point.latitude()));
    }

    private static Polygon polygon(double... xy) {
        Coordinate[] coordinates = new Coordinate[xy.length / 2];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GEOMETRY.createPolygon(coordinates);
    }
}
