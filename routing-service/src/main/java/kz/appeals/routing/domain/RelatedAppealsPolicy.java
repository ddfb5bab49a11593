package kz.appeals.routing.domain;

/**
 * When two appeals are about the same problem: the same category and, with coordinates, within
 * {@value #RADIUS_METRES} m of each other (as FixMyStreet suggests duplicates), or without coordinates in the same
 * settlement. Such open appeals form one issue that the body can answer together; each applicant still gets an
 * answer.
 */
public final class RelatedAppealsPolicy {

    public static final double RADIUS_METRES = 250;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private RelatedAppealsPolicy() {
    }

    /** Half-side, in degrees of latitude, of a box that holds the circle: a cheap first filter for the database. */
    public static double latitudeMargin() {
        return Math.toDegrees(RADIUS_METRES / EARTH_RADIUS_METRES);
    }

    /** The same for longitude at this latitude (degrees shrink towards the poles). */
    public static double longitudeMargin(double latitude) {
        return latitudeMargin() / Math.max(Math.cos(Math.toRadians(latitude)), 0.01);
    }

    /**
     * Whether the second point lies in the first one's search box ({@link #latitudeMargin()},
     * {@link #longitudeMargin}), the filter the database applies before {@link #near}: checked again in memory, an
     * appeal decided in the same batch qualifies exactly as a stored one would.
     */
    public static boolean inSearchBox(double lat1, double lon1, double lat2, double lon2) {
        double dLat = latitudeMargin();
        double dLon = longitudeMargin(lat1);
        return lat2 >= lat1 - dLat && lat2 <= lat1 + dLat && lon2 >= lon1 - dLon && lon2 <= lon1 + dLon;
    }

    public static boolean near(double lat1, double lon1, double lat2, double lon2) {
        return metres(lat1, lon1, lat2, lon2) <= RADIUS_METRES;
    }

    /** Great-circle distance (haversine). */
    public static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
