package kz.appeals.routing.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.platform.problem.Problem;
import kz.appeals.routing.domain.KatoCode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Boundaries as GeoJSON (RFC 7946): a FeatureCollection of Polygons and MultiPolygons (holes, enclaves, exclaves)
 * in WGS 84 (longitude, latitude), each naming its unit by KATO code — {@code properties.kato}, or OpenStreetMap's
 * {@code ref:KATO} — or, as an OpenStreetMap export often does, only by name ({@code name}, {@code name:kk},
 * {@code name:ru}, {@code official_name}) with its {@code admin_level}. Tags are read from the properties or from
 * a {@code tags} object inside them (both exports exist). Every feature that cannot be read gets one problem, naming
 * its index and its OpenStreetMap id; the others are returned.
 */
public final class GeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final List<String> CODE_TAGS = List.of("kato", "ref:KATO", "ref:kato", "KATO");
    private static final List<String> NAME_TAGS = List.of("name", "name:kk", "name:ru", "official_name");
    private static final List<String> ID_TAGS = List.of("@id", "osm_id", "id");

    /**
     * One feature: its index in the file, its OpenStreetMap id if any, its unit's code (null when it gave only
     * names), its names, its admin_level (null when not given), its area, and the geometry as given (stored verbatim).
     */
    public record Feature(int index, String osmId, String katoCode, List<String> names, Integer adminLevel,
                          Geometry area, String geometryJson) {

        /** How a problem names the feature: its index, and its id and name when it has them. */
        public String label() {
            List<String> known = new ArrayList<>();
            if (osmId != null) {
                known.add(osmId);
            }
            if (katoCode != null) {
                known.add(katoCode);
            }
            if (!names.isEmpty()) {
                known.add("«" + names.get(0) + "»");
            }
            return "Feature " + index + (known.isEmpty() ? "" : " (" + String.join(", ", known) + ")");
        }

        public Feature withKatoCode(String code) {
            return new Feature(index, osmId, code, names, adminLevel, area, geometryJson);
        }
    }

    /** The features read, and one problem per feature that could not be read, by its index. */
    public record Parsed(List<Feature> features, Map<Integer, Problem.FieldError> problems) {

        public int total() {
            return features.size() + problems.size();
        }
    }

    private GeoJson() {
    }

    /** Every feature that can be read, and a problem for each other one; a file that is no FeatureCollection fails. */
    public static Parsed read(InputStream source) {
        JsonNode root;
        try {
            root = JSON.readTree(source);
        } catch (IOException e) {
            throw new ImportProblem(List.of(new Problem.FieldError("file", "not-json", "Not JSON: " + e.getMessage())));
        }
        if (root == null || !"FeatureCollection".equals(root.path("type").asText()) || !root.path("features").isArray()) {
            throw new ImportProblem(List.of(new Problem.FieldError("file.type", "not-feature-collection",
                    "Expected a GeoJSON FeatureCollection with a features array")));
        }
        List<Feature> features = new ArrayList<>();
        Map<Integer, Problem.FieldError> problems = new TreeMap<>();
        JsonNode all = root.path("features");
        for (int i = 0; i < all.size(); i++) {
            JsonNode feature = all.get(i);
            String where = "features[" + i + "]";
            JsonNode properties = feature.path("properties");
            String osmId = firstOf(feature.path("id").isValueNode() ? feature.path("id").asText() : null,
                    tag(properties, ID_TAGS));
            List<String> names = names(properties);
            Integer adminLevel = adminLevel(properties);
            String kato = tag(properties, CODE_TAGS);
            Feature unread = new Feature(i, osmId, kato, names, adminLevel, null, null);
            if (kato != null && !KatoCode.isWellFormed(kato)) {
                problems.put(i, new Problem.FieldError(where + ".properties.kato", "pattern",
                        unread.label() + ", KATO code: not 9 digits: «" + kato + "»"));
                continue;
            }
            if (kato == null && names.isEmpty()) {
                problems.put(i, new Problem.FieldError(where + ".properties.kato", "required", unread.label()
                        + ": names neither a KATO code (kato, ref:KATO) nor a name (name, name:kk, name:ru)"));
                continue;
            }
            try {
                Geometry area = geometry(feature.path("geometry"));
                TopologyValidationError invalid = new IsValidOp(area).getValidationError();
                if (invalid != null) {
                    problems.put(i, new Problem.FieldError(where + ".geometry", "invalid-geometry", unread.label()
                            + ", geometry: " + invalid.getMessage() + " at " + invalid.getCoordinate()));
                    continue;
                }
                features.add(new Feature(i, osmId, kato, names, adminLevel, area,
                        JSON.writeValueAsString(feature.path("geometry"))));
            } catch (IllegalArgumentException | IOException e) {
                problems.put(i, new Problem.FieldError(where + ".geometry", "invalid-geometry",
                        unread.label() + ", geometry: " + e.getMessage()));
            }
        }
        return new Parsed(features, problems);
    }

    /** A stored GeoJSON Polygon or MultiPolygon. */
    public static Geometry geometry(String json) {
        try {
            return geometry(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("Stored boundary is not JSON", e);
        }
    }

    /**
     * Stored geometries as one FeatureCollection, each feature's code in {@code properties.kato}, every coordinate
     * rounded to {@code decimals} places and a position equal to the one before it dropped (a ring that would fall
     * below four positions keeps its repeats).
     */
    public static String featureCollection(List<ReferenceStore.UnitGeometry> units, int decimals) {
        double scale = Math.pow(10, decimals);
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            for (ReferenceStore.UnitGeometry unit : units) {
                JsonNode geometry = JSON.readTree(unit.geojson());
                String type = geometry.path("type").asText();
                out.writeStartObject();
                out.writeStringField("type", "Feature");
                out.writeObjectFieldStart("properties");
                out.writeStringField("kato", unit.katoCode());
                out.writeEndObject();
                out.writeObjectFieldStart("geometry");
                out.writeStringField("type", type);
                out.writeFieldName("coordinates");
                if ("Polygon".equals(type)) {
                    writePolygon(out, geometry.path("coordinates"), scale);
                } else {
                    out.writeStartArray();
                    for (JsonNode polygon : geometry.path("coordinates")) {
                        writePolygon(out, polygon, scale);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("Stored boundary is not JSON", e);
        }
        return text.toString();
    }

    private static void writePolygon(JsonGenerator out, JsonNode rings, double scale) throws IOException {
        out.writeStartArray();
        for (JsonNode ring : rings) {
            writeRounded(out, ring, scale);
        }
        out.writeEndArray();
    }

    private static void writeRounded(JsonGenerator out, JsonNode ring, double scale) throws IOException {
        List<double[]> rounded = new ArrayList<>(ring.size());
        List<double[]> distinct = new ArrayList<>(ring.size());
        for (JsonNode position : ring) {
            double[] point = {Math.round(position.get(0).asDouble() * scale) / scale,
                    Math.round(position.get(1).asDouble() * scale) / scale};
            rounded.add(point);
            if (distinct.isEmpty() || !Arrays.equals(distinct.get(distinct.size() - 1), point)) {
                distinct.add(point);
            }
        }
        out.writeStartArray();
        for (double[] point : distinct.size() >= 4 ? distinct : rounded) {
            out.writeArray(point, 0, 2);
        }
        out.writeEndArray();
    }

    /** The first of the tags given, from the properties or from their {@code tags} object. */
    private static String tag(JsonNode properties, List<String> keys) {
        for (JsonNode holder : List.of(properties, properties.path("tags"))) {
            for (String key : keys) {
                JsonNode value = holder.path(key);
                if (value.isValueNode() && !value.asText().isBlank()) {
                    return value.asText().strip();
                }
            }
        }
        return null;
    }

    private static List<String> names(JsonNode properties) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : NAME_TAGS) {
            String name = tag(properties, List.of(key));
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static Integer adminLevel(JsonNode properties) {
        String level = tag(properties, List.of("admin_level"));
        return level != null && level.matches("\\d{1,2}") ? Integer.valueOf(level) : null;
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static Geometry geometry(JsonNode node) {
        String type = node.path("type").asText("");
        JsonNode coordinates = node.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield GEOMETRY.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("expected Polygon or MultiPolygon, got «" + type + "»");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new IllegalArgumentException("a polygon needs at least its outer ring");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions) {
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
                throw new IllegalArgumentException("position " + i + " is not [longitude, latitude]");
            }
            coordinates[i] = new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
        }
        // JTS checks closure and the minimum of four positions, with a message naming the problem
        return GEOMETRY.createLinearRing(coordinates);
    }
}
