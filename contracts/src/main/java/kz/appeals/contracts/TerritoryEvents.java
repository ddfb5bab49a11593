package kz.appeals.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** Reference data other services and agencies need to validate and display territorial codes. */
public final class TerritoryEvents {

    /**
     * The current state of one settlement of the classifier, keyed by its 9-digit KATO code on a compacted topic:
     * the latest record per code is the truth. {@code validTo} set means the code was retired. {@code point} is
     * where to show it on a map, when routing knows one.
     */
    public record SettlementPublished(String katoCode, String ruralDistrictKato, String districtKato,
                                      String regionKato, String nameKk, String nameRu, LocalDate validFrom,
                                      LocalDate validTo, Instant occurredAt, Point point) implements ContractEvent {

        /** Without a point, as the type was first published. */
        public SettlementPublished(String katoCode, String ruralDistrictKato, String districtKato, String regionKato,
                                   String nameKk, String nameRu, LocalDate validFrom, LocalDate validTo,
                                   Instant occurredAt) {
            this(katoCode, ruralDistrictKato, districtKato, regionKato, nameKk, nameRu, validFrom, validTo,
                    occurredAt, null);
        }

        @Override
        public String subject() {
            return katoCode;
        }
    }

    /** The administrative levels above the settlement that have a body of their own. */
    public enum UnitLevel {REGION, DISTRICT, RURAL_DISTRICT}

    /**
     * What kind of body a unit is, finer than its level: a town's akim and a village's sit at the same level, but
     * are not alike. REGION, CITY_OF_REPUBLICAN_SIGNIFICANCE (Astana, Almaty, Shymkent) are at level REGION;
     * DISTRICT, CITY_ADMINISTRATION (a city of regional significance) and CITY_DISTRICT at DISTRICT; the others at
     * RURAL_DISTRICT: RURAL_DISTRICT (ауылдық округ), VILLAGE_AKIMAT and SETTLEMENT_AKIMAT (one village's or
     * settlement's akim), TOWN (a town of district significance) and TOWN_ADMINISTRATION.
     */
    public enum UnitKind {
        REGION, CITY_OF_REPUBLICAN_SIGNIFICANCE, DISTRICT, CITY_ADMINISTRATION, CITY_DISTRICT, RURAL_DISTRICT,
        VILLAGE_AKIMAT, SETTLEMENT_AKIMAT, TOWN, TOWN_ADMINISTRATION
    }

    /**
     * The current state of one region, district or rural district, keyed by its 9-digit KATO code on the same
     * compacted topic (KATO codes are unique across levels). A rural district also carries its elected akim, the
     * date the akim took office and its population, which analytics needs for fair, per-resident metrics.
     * {@code validTo} set means the unit was retired. {@code point} is where to show it on a map, when routing knows
     * one. {@code kind} is what kind of body it is; records published before the field have none, and a reader
     * takes the kind of the same name as the level then.
     */
    public record TerritorialUnitPublished(String katoCode, UnitLevel level, String districtKato, String regionKato,
                                           String nameKk, String nameRu, Integer population, String akimName,
                                           LocalDate akimElectedSince, LocalDate validFrom, LocalDate validTo,
                                           Instant occurredAt, Point point, UnitKind kind) implements ContractEvent {

        /** Without a kind, as the type was published before it. */
        public TerritorialUnitPublished(String katoCode, UnitLevel level, String districtKato, String regionKato,
                                        String nameKk, String nameRu, Integer population, String akimName,
                                        LocalDate akimElectedSince, LocalDate validFrom, LocalDate validTo,
                                        Instant occurredAt, Point point) {
            this(katoCode, level, districtKato, regionKato, nameKk, nameRu, population, akimName, akimElectedSince,
                    validFrom, validTo, occurredAt, point, null);
        }

        /** Without a point, as the type was first published. */
        public TerritorialUnitPublished(String katoCode, UnitLevel level, String districtKato, String regionKato,
                                        String nameKk, String nameRu, Integer population, String akimName,
                                        LocalDate akimElectedSince, LocalDate validFrom, LocalDate validTo,
                                        Instant occurredAt) {
            this(katoCode, level, districtKato, regionKato, nameKk, nameRu, population, akimName, akimElectedSince,
                    validFrom, validTo, occurredAt, null);
        }

        @Override
        public String subject() {
            return katoCode;
        }
    }

    /**
     * Where a point of a place came from: given with the place in the classifier import ({@code CLASSIFIER}), or,
     * when none was given, an interior point of the boundary of the smallest unit containing the place that has one
     * ({@code BOUNDARY}, which names that unit) — inside the boundary even where its centroid would not be.
     */
    public enum PointSource {CLASSIFIER, BOUNDARY}

    /** A place's point in WGS 84 degrees, with where it came from. */
    public record Point(double latitude, double longitude, PointSource source, String boundaryKato) {
    }

    private TerritoryEvents() {
    }
}
