package kz.appeals.routing.service;

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
import java.util.ArrayList;
import java.util.List;

/**
 * Rural district boundaries as GeoJSON (RFC 7946): a FeatureCollection whose features carry the rural district's
 * KATO code in {@code properties.kato} and a Polygon or MultiPolygon in WGS 84 (longitude, latitude).
 */
public final class GeoJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    /** One feature: the rural district, its area, and the geometry as given (stored verbatim). */
    public record Feature(int index, String katoCode, Geometry area, String geometryJson) {
    }

    private GeoJson() {
    }

    /** Every feature, or an {@link ImportProblem} naming each bad one by its index. */
    public static List<Feature> features(InputStream source) {
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
        List<Problem.FieldError> errors = new ArrayList<>();
        JsonNode all = root.path("features");
        for (int i = 0; i < all.size() && errors.size() < ImportProblem.MAX_REPORTED; i++) {
            JsonNode feature = all.get(i);
            String where = "features[" + i + "]";
            String kato = feature.path("properties").path("kato").asText("");
            if (!KatoCode.isWellFormed(kato)) {
                errors.add(new Problem.FieldError(where + ".properties.kato", "pattern",
                        "Feature " + i + ", properties.kato: not a 9-digit KATO code: «" + kato + "»"));
                continue;
            }
            try {
                Geometry area = geometry(feature.path("geometry"));
                TopologyValidationError invalid = new IsValidOp(area).getValidationError();
                if (invalid != null) {
                    errors.add(new Problem.FieldError(where + ".geometry", "invalid-geometry", "Feature " + i
                            + " (" + kato + "), geometry: " + invalid.getMessage() + " at " + invalid.getCoordinate()));
                    continue;
                }
                features.add(new Feature(i, kato, area, JSON.writeValueAsString(feature.path("geometry"))));
            } catch (IllegalArgumentException | IOException e) {
                errors.add(new Problem.FieldError(where + ".geometry", "invalid-geometry",
                        "Feature " + i + " (" + kato + "), geometry: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportProblem(errors);
        }
        return features;
    }

    /** A stored GeoJSON Polygon or MultiPolygon. */
    public static Geometry geometry(String json) {
        try {
            return geometry(JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("Stored boundary is not JSON", e);
        }
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
