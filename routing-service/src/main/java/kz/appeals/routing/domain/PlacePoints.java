package kz.appeals.routing.domain;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where to show a place on a map: the point the classifier gave it, else an interior point of the boundary of the
 * smallest unit containing it that has one — the place's own, then the units above it, nearest first
 * ({@link KatoCode#ancestors()}). An interior point (JTS {@code InteriorPoint}) lies inside the polygon even where its
 * centroid does not (a crescent, a ring around an enclave, a district of several parts).
 */
public final class PlacePoints {

    public enum Source {CLASSIFIER, BOUNDARY}

    /** A point in WGS 84 degrees; {@code boundaryKato} is the unit whose boundary it lies in, for a BOUNDARY point. */
    public record PlacePoint(double latitude, double longitude, Source source, String boundaryKato) {
    }

    /** Six decimals are about 0.1 m: enough for a map, and stable, so an unchanged boundary gives the same point. */
    private static final double ROUNDING = 1e6;

    private final Map<String, Geometry> boundaries;
    private final Map<String, PlacePoint> interiorPoints = new HashMap<>();

    /** @param boundaries the boundary of each unit that has one, by KATO code */
    public PlacePoints(Map<String, Geometry> boundaries) {
        this.boundaries = boundaries;
    }

    public Optional<PlacePoint> of(TerritorialUnit unit) {
        if (unit.latitude != null && unit.longitude != null) {
            return Optional.of(new PlacePoint(unit.latitude, unit.longitude, Source.CLASSIFIER, null));
        }
        return boundaryPointOf(unit.code());
    }

    /** The interior point of the boundary of the smallest unit, the code's own first, that has one. */
    public Optional<PlacePoint> boundaryPointOf(KatoCode code) {
        if (boundaries.containsKey(code.value())) {
            return Optional.of(interiorPoint(code.value()));
        }
        return code.ancestors().stream().filter(boundaries::containsKey).findFirst().map(this::interiorPoint);
    }

    private PlacePoint interiorPoint(String kato) {
        return interiorPoints.computeIfAbsent(kato, k -> {
            Point inside = boundaries.get(k).getInteriorPoint();
            return new PlacePoint(Math.round(inside.getY() * ROUNDING) / ROUNDING,
                    Math.round(inside.getX() * ROUNDING) / ROUNDING, Source.BOUNDARY, k);
        });
    }
}
