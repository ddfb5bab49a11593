package kz.appeals.routing.domain;

/**
 * A generous envelope around the Republic's territory (about 40.5–55.5° N, 46.4–87.4° E). A point outside it
 * cannot be in any rural district, so routing says so instead of searching; a point inside it but in no loaded
 * boundary is reported as such.
 */
public final class Kazakhstan {

    public static final double MIN_LATITUDE = 40.5;
    public static final double MAX_LATITUDE = 55.5;
    public static final double MIN_LONGITUDE = 46.4;
    public static final double MAX_LONGITUDE = 87.4;

    private Kazakhstan() {
    }

    public static boolean mayContain(double latitude, double longitude) {
        return latitude >= MIN_LATITUDE && latitude <= MAX_LATITUDE
                && longitude >= MIN_LONGITUDE && longitude <= MAX_LONGITUDE;
    }
}
