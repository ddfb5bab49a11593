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

    private TerritoryEvents() {
    }
}
