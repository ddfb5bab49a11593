package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.RoutingMethod;

import java.util.List;

/**
 * Where the problem is, as far as the location rules could tell: the lowest unit found (rural district, or only a
 * district or region) with the units above it, the settlement when one was named, and which rule placed it.
 */
public record Placement(TerritorialLevel level, TerritorialUnit ruralDistrict, TerritorialUnit district,
                        TerritorialUnit region, TerritorialUnit settlement, RoutingMethod method, String detail) {

    /** The levels whose bodies may answer, from the place itself upwards. */
    public List<TerritorialLevel> levelsUpwards() {
        return switch (level) {
            case SETTLEMENT, RURAL_DISTRICT -> List.of(TerritorialLevel.RURAL_DISTRICT, TerritorialLevel.DISTRICT,
                    TerritorialLevel.REGION);
            case DISTRICT -> List.of(TerritorialLevel.DISTRICT, TerritorialLevel.REGION);
            case REGION -> List.of(TerritorialLevel.REGION);
        };
    }

    public String ruralDistrictKato() {
        return ruralDistrict == null ? null : ruralDistrict.katoCode;
    }

    public String districtKato() {
        return district == null ? null : district.katoCode;
    }

    public String regionKato() {
        return region == null ? null : region.katoCode;
    }

    public String settlementKato() {
        return settlement == null ? null : settlement.katoCode;
    }
}
