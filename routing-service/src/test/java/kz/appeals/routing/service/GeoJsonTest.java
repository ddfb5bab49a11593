package kz.appeals.routing.service;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonTest {

    @Test
    void readsPolygonsWithHolesAndMultiPolygons() {
        GeoJson.Parsed parsed = GeoJson.read(stream("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Polygon","coordinates":[
                   [[68,48],[69,48],[69,49],[68,49],[68,48]],[[68.4,48.4],[68.6,48.4],[68.6,48.6],[68.4,48.4]]]}},
                 {"type":"Feature","properties":{"kato":"991023000"},"geometry":{"type":"MultiPolygon","coordinates":[
                   [[[70,48],[71,48],[71,49],[70,48]]],[[[72,48],[73,48],[73,49],[72,48]]]]}}]}"""));
        List<GeoJson.Feature> features = parsed.features();
        assertEquals(Map.of(), parsed.problems());
        assertEquals(2, features.size());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) features.get(0).area()).getNumInteriorRing());
        assertInstanceOf(MultiPolygon.class, features.get(1).area());
        assertTrue(GeoJson.geometry(features.get(1).geometryJson()).equalsExact(features.get(1).area()),
                "the stored geometry reads back the same");
    }

    @Test
    void theMapsCollectionRoundsCoordinatesAndDropsThePositionsRoundingMadeEqual() {
        String collection = GeoJson.featureCollection(List.of(
                new ReferenceStore.UnitGeometry("991021000", """
                        {"type":"Polygon","coordinates":[[[68.1234567,48.00001],[68.12346,48.00002],[69.00004,48.5],
                         [68.99996,49.0000049],[68.1234567,48.00001]]]}"""),
                new ReferenceStore.UnitGeometry("991023000", """
                        {"type":"MultiPolygon","coordinates":[[[[70,48],[71,48],[71,49],[70,48]]],
                         [[[72.00001,48],[72.00002,48],[72.00003,48],[72.00001,48]]]]}""")), 4);
        assertEquals("""
                {"type":"FeatureCollection","features":[\
                {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Polygon","coordinates":\
                [[[68.1235,48.0],[69.0,48.5],[69.0,49.0],[68.1235,48.0]]]}},\
                {"type":"Feature","properties":{"kato":"991023000"},"geometry":{"type":"MultiPolygon","coordinates":\
                [[[[70.0,48.0],[71.0,48.0],[71.0,49.0],[70.0,48.0]]],\
                [[[72.0,48.0],[72.0,48.0],[72.0,48.0],[72.0,48.0]]]]}}]}""", collection,
                "a ring that would keep fewer than four positions keeps its repeats, still a ring");
    }

    @Test
    void eachBadFeatureIsNamedOnceAndNotJsonIsRejected() {
        GeoJson.Parsed parsed = GeoJson.read(stream("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Point","coordinates":[68,48]}},
                 {"type":"Feature","properties":{"kato":"991023000"},"geometry":{"type":"Polygon","coordinates":[[[68,48],[69,48],[68,48]]]}},
                 {"type":"Feature","properties":{},"geometry":null},
                 {"type":"Feature","properties":{"kato":"12"},"geometry":null}]}"""));
        assertEquals(List.of(), parsed.features());
        assertEquals(List.of("features[0].geometry", "features[1].geometry", "features[2].properties.kato",
                        "features[3].properties.kato"),
                parsed.problems().values().stream().map(e -> e.field()).toList());
        assertThrows(ImportProblem.class, () -> GeoJson.read(stream("{not json")));
        assertThrows(ImportProblem.class, () -> GeoJson.read(stream("{\"type\":\"Feature\"}")));
    }

    @Test
    void readsOpenStreetMapsTagsFlatOrNestedAndItsIds() {
        GeoJson.Parsed parsed = GeoJson.read(stream("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","id":"relation/5501","properties":{"boundary":"administrative","admin_level":"8",
                   "ref:KATO":"931023000","name":"Ішкі ауылдық округі","name:ru":"Ишкинский сельский округ"},
                  "geometry":{"type":"Polygon","coordinates":[[[47,41],[48,41],[48,42],[47,41]]]}},
                 {"type":"Feature","properties":{"type":"relation","id":5502,"tags":{"admin_level":"6",
                   "name:kk":"Шеткі ауданы"}},
                  "geometry":{"type":"Polygon","coordinates":[[[47,41],[48,41],[48,42],[47,41]]]}},
                 {"type":"Feature","properties":{"@id":"way/77","boundary":"administrative"},
                  "geometry":{"type":"LineString","coordinates":[[47,41],[48,41]]}}]}"""));
        GeoJson.Feature coded = parsed.features().get(0);
        assertEquals("relation/5501", coded.osmId());
        assertEquals("931023000", coded.katoCode());
        assertEquals(List.of("Ішкі ауылдық округі", "Ишкинский сельский округ"), coded.names());
        assertEquals(8, coded.adminLevel());
        GeoJson.Feature named = parsed.features().get(1);
        assertEquals("5502", named.osmId());
        assertEquals(null, named.katoCode());
        assertEquals(List.of("Шеткі ауданы"), named.names());
        assertEquals(6, named.adminLevel());
        assertEquals(List.of(2), List.copyOf(parsed.problems().keySet()));
        assertTrue(parsed.problems().get(2).message().startsWith("Feature 2 (way/77): names neither"),
                parsed.problems().get(2).message());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
