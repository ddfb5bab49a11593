package kz.appeals.contracts;

import java.time.Instant;
import java.time.LocalDate;

/** Reference data other services and agencies need to validate and display territorial codes. */
public final class TerritoryEvents {

    /**
     * The current state of one settlement of the classifier, keyed by its 9-digit KATO code on a compacted topic:
     * the latest record per code is the truth. {@code validTo} set means the code was retired.
     */
    public record SettlementPublished(String katoCode, String ruralDistrictKato, String districtKato,
                                      String regionKato, String nameKk, String nameRu, LocalDate validFrom,
                                      LocalDate validTo, Instant occurredAt) implements ContractEvent {
        @Override
        public String subject() {
            return katoCode;
        }
    }

    /** The administrative levels above the settlement that have a body of their own. */
    public enum UnitLevel {REGION, DISTRICT, RURAL_DISTRICT}

    /**
     * The current state of one region, district or rural district, keyed by its 9-digit KATO code on the same
     * compacted topic (KATO codes are unique across levels). A rural district also carries its elected akim, the
     * date the akim took office and its population, which analytics needs for fair, per-resident metrics.
     * {@code validTo} set means the unit was retired.
     */
    public record TerritorialUnitPublished(String katoCode, UnitLevel level, String districtKato, String regionKato,
                                           String nameKk, String nameRu, Integer population, String akimName,
                                           LocalDate akimElectedSince, LocalDate validFrom, LocalDate validTo,
                                           Instant occurredAt) implements ContractEvent {
        @Override
        public String subject() {
            return katoCode;
        }
    }

    private TerritoryEvents() {
    }
}
