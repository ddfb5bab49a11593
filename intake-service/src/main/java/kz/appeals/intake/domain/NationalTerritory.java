package kz.appeals.intake.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a point lies in Kazakhstan: the national border (reference/kz-border.geojson, Natural Earth's 1:10m
 * boundary with Baikonur, simplified to about 500 m) and a margin of {@link #MARGIN_KM} around it, so that a village
 * on the border is never refused for the simplification while Tashkent (14 km out) and Bishkek (18 km) are. The
 * coordinates' box alone let those through to triage.
 */
public final class NationalTerritory {

    /** More than the simplification's error, less than the nearest foreign capital's distance. */
    public static final double MARGIN_KM = 3.0;
    private static final double KM_PER_DEGREE = 111.2;
    private static final List<double[][]> RINGS = load();

    private NationalTerritory() {
    }

    /** True when the point (WGS84 degrees) is in Kazakhstan or within the margin of its border. */
    public static boolean contains(double latitude, double longitude) {
        return inside(latitude, longitude) || distanceToBorderKm(latitude, longitude) <= MARGIN_KM;
    }

    /** Even-odd rule over every ring: islands are their own polygons, holes are rings inside them. */
    private static boolean inside(double latitude, double longitude) {
        boolean inside = false;
        for (double[][] ring : RINGS) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double yi = ring[i][1];
                double yj = ring[j][1];
                if ((yi > latitude) != (yj > latitude)
                        && longitude < ring[j][0] + (latitude - yj) * (ring[i][0] - ring[j][0]) / (yi - yj)) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }

    /** Shortest distance to any border segment, on a plane scaled by the latitude (good to a few percent here). */
    private static double distanceToBorderKm(double latitude, double longitude) {
        double scale = Math.cos(Math.toRadians(latitude));
        double px = longitude * scale;
        double best = Double.MAX_VALUE;
        for (double[][] ring : RINGS) {
            for (int i = 0, j = ring.length - 1; i < ring.length; j = i++) {
                double ax = ring[j][0] * scale;
                double ay = ring[j][1];
                double dx = ring[i][0] * scale - ax;
                double dy = ring[i][1] - ay;
                double length = dx * dx + dy * dy;
                double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (latitude - ay) * dy) / length));
                best = Math.min(best, Math.hypot(px - (ax + t * dx), latitude - (ay + t * dy)));
            }
        }
        return best * KM_PER_DEGREE;
    }

    private static List<double[][]> load() {
        try (InputStream in = NationalTerritory.class.getResourceAsStream("/reference/kz-border.geojson")) {
            if (in == null) {
                throw new IllegalStateException("reference/kz-border.geojson is missing from the classpath");
            }
            List<double[][]> rings = new ArrayList<>();
            for (JsonNode polygon : new ObjectMapper().readTree(in).path("geometry").path("coordinates")) {
                for (JsonNode ring : polygon) {
                    double[][] points = new double[ring.size()][];
                    for (int i = 0; i < ring.size(); i++) {
                        points[i] = new double[]{ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
                    }
                    rings.add(points);
                }
            }
            return List.copyOf(rings);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the national border", e);
        }
    }
}
