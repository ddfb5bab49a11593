package kz.appeals.analytics.domain;

import kz.appeals.contracts.TerritoryEvents.UnitKind;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which akims are compared with which: like with like. A town's akim answers a town's residents, with a town's
 * staff, about a town's streets; a village akim answers a few hundred households. Both sit at the rural-district
 * level, yet a funnel that pooled them would judge each against a reference rate set by the other. So every kind of
 * body belongs to one group, and a ranking, its funnel and its reference rate are computed within one group only.
 * <p>
 * A unit whose kind is not known (published before routing said it, or a code only appeals named) is taken for the
 * kind of the same name as its level: a rural district, a district, a region.
 */
public enum ComparisonGroup {

    /** Rural districts, village and settlement akimats: the akims of the countryside. */
    RURAL(TerritoryLevel.RURAL_DISTRICT, UnitKind.RURAL_DISTRICT, UnitKind.VILLAGE_AKIMAT, UnitKind.SETTLEMENT_AKIMAT),
    /** Towns of district significance and town administrations. */
    TOWNS(TerritoryLevel.RURAL_DISTRICT, UnitKind.TOWN, UnitKind.TOWN_ADMINISTRATION),
    /** The districts (аудандар) of a region. */
    DISTRICTS(TerritoryLevel.DISTRICT, UnitKind.DISTRICT),
    /**
     * City administrations (cities of regional significance) and city districts, ranked among a region's units at
     * the district level; a city of republican significance is a region of its own, and regions are not ranked.
     */
    CITIES(TerritoryLevel.DISTRICT, UnitKind.CITY_ADMINISTRATION, UnitKind.CITY_DISTRICT,
            UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE),
    /** The regions. */
    REGIONS(TerritoryLevel.REGION, UnitKind.REGION);

    private final TerritoryLevel rankedAt;
    private final Set<UnitKind> kinds;

    ComparisonGroup(TerritoryLevel rankedAt, UnitKind first, UnitKind... others) {
        this.rankedAt = rankedAt;
        this.kinds = EnumSet.of(first, others);
    }

    /** The level of the units a ranking of this group lists. */
    public TerritoryLevel rankedAt() {
        return rankedAt;
    }

    public Set<UnitKind> kinds() {
        return kinds;
    }

    /** What a ranking of units at this level compares unless asked otherwise: RURAL and DISTRICTS. */
    public static ComparisonGroup defaultAt(TerritoryLevel unitLevel) {
        return switch (unitLevel) {
            case RURAL_DISTRICT -> RURAL;
            case DISTRICT -> DISTRICTS;
            case REGION, COUNTRY -> REGIONS;
        };
    }

    /** The group of units of this kind. */
    public static ComparisonGroup of(UnitKind kind) {
        for (ComparisonGroup group : values()) {
            if (group.kinds.contains(kind)) {
                return group;
            }
        }
        throw new IllegalStateException("no comparison group for " + kind);
    }

    /** The group a territory is compared in. */
    public static ComparisonGroup of(TerritoryMetrics territory) {
        return of(kindOf(territory));
    }

    /** Whether this territory is compared in this group. */
    public boolean compares(TerritoryMetrics territory) {
        return of(territory) == this;
    }

    /** The territory's kind, or, when the reference does not say it, the kind its level names. */
    public static UnitKind kindOf(TerritoryMetrics territory) {
        UnitKind kind = territory.territory().kind();
        return kind != null ? kind : kindOf(territory.level());
    }

    /** A unit published before its kind was: the kind of the same name as its level. */
    public static UnitKind kindOf(TerritoryLevel level) {
        return switch (level) {
            case RURAL_DISTRICT -> UnitKind.RURAL_DISTRICT;
            case DISTRICT -> UnitKind.DISTRICT;
            case REGION, COUNTRY -> UnitKind.REGION;
        };
    }

    /** As a caller names it, in any case ({@code rural}, {@code TOWNS}). */
    public static Optional<ComparisonGroup> named(String name) {
        for (ComparisonGroup group : values()) {
            if (group.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
