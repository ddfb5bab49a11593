package kz.appeals.routing.service;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeoJsonTest {

    @Test
    void readsPolygonsWithHolesAndMultiPolygons() {
        List<GeoJson.Feature> features = GeoJson.features(stream("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Polygon","coordinates":[
                   [[68,48],[69,48],[69,49],[68,49],[68,48]],[[68.4,48.4],[68.6,48.4],[68.6,48.6],[68.4,48.4]]]}},
                 {"type":"Feature","properties":{"kato":"991023000"},"geometry":{"type":"MultiPolygon","coordinates":[
                   [[[70,48],[71,48],[71,49],[70,48]]],[[[72,48],[73,48],[73,49],[72,48]]]]}}]}"""));
        assertEquals(2, features.size());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) features.get(0).area()).getNumInteriorRing());
        assertInstanceOf(MultiPolygon.class, features.get(1).area());
        assertTrue(GeoJson.geometry(features.get(1).geometryJson()).equalsExact(features.get(1).area()),
                "the stored geometry reads back the same");
    }

    @Test
    void eachBadFeatureIsNamedAndNotJsonIsRejected() {
        ImportProblem problem = assertThrows(ImportProblem.class, () -> GeoJson.features(stream("""
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"kato":"991021000"},"geometry":{"type":"Point","coordinates":[68,48]}},
                 {"type":"Feature","properties":{"kato":"991023000"},"geometry":{"type":"Polygon","coordinates":[[[68,48],[69,48],[68,48]]]}},
                 {"type":"Feature","properties":{},"geometry":null}]}""")));
        assertEquals(List.of("features[0].geometry", "features[1].geometry", "features[2].properties.kato"),
                problem.problem().errors().stream().map(e -> e.field()).toList());
        assertThrows(ImportProblem.class, () -> GeoJson.features(stream("{not json")));
        assertThrows(ImportProblem.class, () -> GeoJson.features(stream("{\"type\":\"Feature\"}")));
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
