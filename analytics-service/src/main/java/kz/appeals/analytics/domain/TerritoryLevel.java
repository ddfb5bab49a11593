package kz.appeals.analytics.domain;

/** The territorial levels metrics are computed and rolled up at, from the akim's rural district upwards. */
public enum TerritoryLevel {
    /** The whole country, {@link #COUNTRY_CODE}: the scope of national lists and open data, never a path. */
    COUNTRY(null),
    RURAL_DISTRICT("rural-districts"),
    DISTRICT("districts"),
    REGION("regions");

    public static final String COUNTRY_CODE = "KZ";

    private final String pathSegment;

    TerritoryLevel(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** As the level appears in the API's paths, e.g. {@code /api/v1/metrics/districts/...}. */
    public String pathSegment() {
        return pathSegment;
    }

    public static java.util.Optional<TerritoryLevel> ofPathSegment(String segment) {
        for (TerritoryLevel level : values()) {
            if (level.pathSegment != null && level.pathSegment.equals(segment)) {
                return java.util.Optional.of(level);
            }
        }
        return java.util.Optional.empty();
    }

    /** The level below, whose units a drill-down lists; the rural district has none. */
    public java.util.Optional<TerritoryLevel> below() {
        return this == COUNTRY ? java.util.Optional.of(REGION)
                : this == REGION ? java.util.Optional.of(DISTRICT)
                : this == DISTRICT ? java.util.Optional.of(RURAL_DISTRICT) : java.util.Optional.empty();
    }
}
