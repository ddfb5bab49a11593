package kz.appeals.routing.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.domain.RoutingDecision;
import kz.appeals.routing.service.TerritoryCache;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.routing.api.RoutingFlowTest.ADMIN;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Boundaries as OpenStreetMap publishes them, from a generated export of synthetic region 93 (own region, own corner
 * of the map at 41–42.6° N, 46.5–49.5° E): osmtogeojson's shape (ids like relation/…, tags flat or in a tags
 * object), admin_level 2 to 8, most units named only by name, a rural district with a hole whose enclave belongs
 * to another rural district, one of two parts, two rural districts of the same name in two districts, and four
 * features that cannot be imported.
 */
@QuarkusTest
class OpenStreetMapBoundariesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final String CSV = "text/csv; charset=UTF-8";
    /** Indexes of the features the export holds that routing cannot import, and why. */
    private static final Map<Integer, String> BAD = Map.of(
            0, "features[0].properties.name",    // the country: no unit of the classifier
            7, "features[7].geometry",           // a bow-tie, self-intersecting
            8, "features[8].properties.name",    // a name no unit of its district has
            9, "features[9].geometry");          // a boundary way, not an area

    @Inject
    TerritoryCache cache;

    @Test
    void anOpenStreetMapExportIsImportedFeatureByFeatureAndAPointInAHoleGoesToItsEnclave() throws Exception {
        given().header("Authorization", ADMIN).contentType(CSV).body("""
                        te;ab;cd;ef;hij;k;name_kaz;name_rus;nn
                        930000000;93;00;00;000;1;Анклав облысы;Анклавная область;
                        931000000;93;10;00;000;2;Шеткі ауданы;Шеткинский район;
                        931021000;93;10;21;000;3;Сыртқы ауылдық округі;Сыртский сельский округ;
                        931021001;93;10;21;001;4;Сыртқы ауылы;село Сыртское;
                        931023000;93;10;23;000;3;Ішкі ауылдық округі;Ишкинский сельский округ;
                        931023001;93;10;23;001;4;Ішкі ауылы;село Ишкинское;
                        931025000;93;10;25;000;3;Екібөлік ауылдық округі;Двухчастный сельский округ;
                        931025001;93;10;25;001;4;Екібөлік ауылы;село Двухчастное;
                        932000000;93;20;00;000;2;Басқа ауданы;Баскинский район;
                        932021000;93;20;21;000;3;Сыртқы ауылдық округі;Сыртский сельский округ;
                        932021001;93;20;21;001;4;Сыртқы ауылы;село Сыртское;
                        932023000;93;20;23;000;3;Бұрыш ауылдық округі;Бурышский сельский округ;
                        """)
                .post("/api/v1/admin/territory/classifier?effectiveFrom=2025-01-01").then().statusCode(200);
        // as bytes: RestAssured would send a string of this content type as ISO-8859-1, which has no Cyrillic
        byte[] export = export().getBytes(StandardCharsets.UTF_8);

        // by default one bad feature rejects the file, and every bad one is named once, by index and id
        List<String> fields = given().header("Authorization", ADMIN).contentType("application/geo+json").body(export)
                .post("/api/v1/admin/territory/boundaries?effectiveFrom=2025-01-01")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.find { it.field == 'features[7].geometry' }.message",
                        containsString("relation/9007"))
                .extract().path("errors.field");
        assertEquals(BAD.values().stream().sorted().toList(), fields.stream().sorted().toList());
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/territory/boundaries?regionKato=930000000").then().statusCode(200)
                .body("features", hasSize(0));

        given().header("Authorization", ADMIN).contentType("application/geo+json").body(export)
                .post("/api/v1/admin/territory/boundaries?effectiveFrom=2025-01-01&badFeatures=skip&source=osm.geojson")
                .then().statusCode(200)
                .body("rows", equalTo(11))
                .body("added", equalTo(7))
                .body("notImported", hasSize(4))
                .body("notImported.find { it.field == 'features[8].properties.name' }.message",
                        containsString("inside 932000000"));
        given().header("Authorization", ADMIN).get("/api/v1/admin/territory/import/progress").then().statusCode(200)
                .body("phase", equalTo("finished")).body("done", equalTo(11)).body("total", equalTo(11))
                .body("outcome", containsString("4 not imported"));
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ANALYST)))
                .get("/api/v1/territory/boundaries?regionKato=930000000").then().statusCode(200)
                .body("features.properties.kato", equalTo(List.of("931021000", "931023000", "931025000", "932021000")));

        assertEquals("rural-akim:931023000", routedAt(41.3, 47.3), "in the hole: the enclave's rural district");
        assertEquals("rural-akim:931021000", routedAt(41.1, 47.1), "in the ring around the enclave");
        assertEquals("rural-akim:931025000", routedAt(42.1, 47.8), "in the exclave of the district of two parts");
        assertEquals("rural-akim:932021000", routedAt(41.2, 48.2), "the same name in the other district, by its parent");
        assertEquals("district:akimat:932000000", routedAt(42.3, 48.7), "a district named only by name");

        UUID appealId = UUID.randomUUID();
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            RoutingFlowTest.submit(routing, RoutingFlowTest.submitted(appealId, "roads",
                    new Location(null, 41.31, 47.29, null)));
            AppealEvents.Routed routed = EventJson.read(routing.await(KafkaProbe.ofType(EventType.ROUTED,
                    appealId.toString()), Duration.ofSeconds(20)).value(), AppealEvents.Routed.class);
            assertEquals("rural-akim:931023000", routed.body().code());
        }
    }

    private String routedAt(double latitude, double longitude) {
        RoutingDecision decision = cache.policy().decide(new Location(null, latitude, longitude, null), "roads", DAY,
                Set.of());
        return assertInstanceOf(RoutingDecision.Routed.class, decision, decision::toString).body().code();
    }

    /** The export, feature by feature; indexes as in {@link #BAD}. */
    private static String export() throws Exception {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        features.add(feature(9000, Map.of("admin_level", "2", "name", "Қазақстан", "name:ru", "Казахстан"),
                box(46.5, 40.9, 49.5, 42.8)));
        features.add(feature(9001, Map.of("admin_level", "4", "name:ru", "Анклавная область"),
                box(46.9, 40.95, 49.1, 42.6)));
        features.add(feature(9002, Map.of("admin_level", "6", "ref:KATO", "931000000", "name", "Шеткі ауданы"),
                box(47.0, 41.0, 48.0, 42.5)));
        features.add(feature(9003, Map.of("admin_level", "6", "name", "Басқа ауданы", "name:ru", "Баскинский район"),
                box(48.0, 41.0, 49.0, 42.5)));
        // a rural district with a hole, as a MultiPolygon of one part: the enclave fills the hole
        features.add(feature(9004, Map.of("admin_level", "8", "name", "Сыртқы ауылдық округі",
                "name:ru", "Сыртский сельский округ"), multiPolygon(
                polygon(ring(47.0, 41.0, 47.6, 41.6), ring(47.2, 41.2, 47.4, 41.4)))));
        features.add(feature(9005, Map.of("admin_level", "8", "name:kk", "Ішкі ауылдық округі"),
                box(47.2, 41.2, 47.4, 41.4)));
        // two parts; its tags in a tags object, as older osmtogeojson writes them
        ObjectNode twoParts = feature(9006, Map.of(), multiPolygon(polygon(ring(47.6, 41.0, 48.0, 41.6)),
                polygon(ring(47.7, 42.0, 47.9, 42.2))));
        ObjectNode tags = ((ObjectNode) twoParts.get("properties")).putObject("tags");
        tags.put("admin_level", "8").put("ref:KATO", "931025000").put("name:ru", "Двухчастный сельский округ");
        features.add(twoParts);
        features.add(feature(9007, Map.of("admin_level", "8", "ref:KATO", "932023000"), polygonGeometry(
                JSON.readTree("[[[48.5,41.5],[49.0,42.0],[49.0,41.5],[48.5,42.0],[48.5,41.5]]]"))));
        features.add(feature(9008, Map.of("admin_level", "8", "name", "Жоқ ауылдық округі"),
                box(48.5, 41.5, 49.0, 42.0)));
        ObjectNode way = feature(9009, Map.of("admin_level", "8", "name", "Сыртский сельский округ"), null);
        way.set("geometry", JSON.readTree("{\"type\":\"LineString\",\"coordinates\":[[47.0,41.0],[47.6,41.0]]}"));
        features.add(way);
        // the same name as feature 4, in the other district: only its parent tells them apart
        features.add(feature(9010, Map.of("admin_level", "8", "name", "Сыртқы ауылдық округі"),
                box(48.0, 41.0, 48.5, 41.5)));
        return JSON.writeValueAsString(collection);
    }

    private static ObjectNode feature(long relation, Map<String, String> tags, ObjectNode geometry) {
        ObjectNode feature = JSON.createObjectNode().put("type", "Feature").put("id", "relation/" + relation);
        ObjectNode properties = feature.putObject("properties");
        properties.put("@id", "relation/" + relation).put("type", "boundary").put("boundary", "administrative");
        tags.forEach(properties::put);
        feature.set("geometry", geometry);
        return feature;
    }

    private static ObjectNode box(double west, double south, double east, double north) {
        return polygonGeometry(polygon(ring(west, south, east, north)));
    }

    private static ObjectNode polygonGeometry(com.fasterxml.jackson.databind.JsonNode rings) {
        ObjectNode geometry = JSON.createObjectNode().put("type", "Polygon");
        geometry.set("coordinates", rings);
        return geometry;
    }

    private static ObjectNode multiPolygon(ArrayNode... polygons) {
        ObjectNode geometry = JSON.createObjectNode().put("type", "MultiPolygon");
        ArrayNode coordinates = geometry.putArray("coordinates");
        for (ArrayNode polygon : polygons) {
            coordinates.add(polygon);
        }
        return geometry;
    }

    private static ArrayNode polygon(ArrayNode... rings) {
        ArrayNode polygon = JSON.createArrayNode();
        for (ArrayNode ring : rings) {
            polygon.add(ring);
        }
        return polygon;
    }

    /** A rectangle's ring, counter-clockwise as RFC 7946 asks for an outer ring. */
    private static ArrayNode ring(double west, double south, double east, double north) {
        ArrayNode ring = JSON.createArrayNode();
        for (double[] corner : new double[][]{{west, south}, {east, south}, {east, north}, {west, north},
                {west, south}}) {
            ring.addArray().add(corner[0]).add(corner[1]);
        }
        return ring;
    }
}
