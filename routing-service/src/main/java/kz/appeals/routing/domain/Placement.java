package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.RoutingMethod;

import java.util.List;

/**
 * Where the problem is, as far as the location rules could tell: the lowest body's unit found with the units above
 * it, the settlement (locality or city) when one was named, and which rule placed it. {@code ruralDistrict} is the
 * rural-level akim's unit — a rural district, village or settlement akimat, town or town administration — and is
 * absent for a place straight under a district or city administration; {@code district} is a district, city
 * administration or city district; {@code region} a region or city of republican significance.
 */
public record Placement(TerritorialLevel level, TerritorialUnit ruralDistrict, TerritorialUnit district,
                        TerritorialUnit region, TerritorialUnit settlement, RoutingMethod method, String detail) {

    /**
     * The place of the first unit of {@code lineage} (the unit and those above it, nearest first): the nearest unit
     * of each body level above it, and its level is the lowest of them.
     */
    public static Placement of(List<TerritorialUnit> lineage, RoutingMethod method, String detail) {
        TerritorialUnit[] nearest = new TerritorialUnit[TerritorialLevel.values().length];
        for (TerritorialUnit unit : lineage) {
            if (nearest[unit.level.ordinal()] == null) {
                nearest[unit.level.ordinal()] = unit;
            }
        }
        TerritorialUnit ruralDistrict = nearest[TerritorialLevel.RURAL_DISTRICT.ordinal()];
        TerritorialUnit district = nearest[TerritorialLevel.DISTRICT.ordinal()];
        TerritorialLevel level = ruralDistrict != null ? TerritorialLevel.RURAL_DISTRICT
                : district != null ? TerritorialLevel.DISTRICT : TerritorialLevel.REGION;
        TerritorialUnit place = lineage.get(0);
        return new Placement(level, ruralDistrict, district, nearest[TerritorialLevel.REGION.ordinal()],
                place.level == TerritorialLevel.SETTLEMENT ? place : null, method, detail);
    }

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
