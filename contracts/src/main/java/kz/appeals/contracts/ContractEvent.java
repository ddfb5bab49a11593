package kz.appeals.contracts;

import java.time.Instant;

/** The {@code data} of any event on a published topic. */
public sealed interface ContractEvent permits AppealEvents.AppealEvent, TerritoryEvents.SettlementPublished,
        TerritoryEvents.TerritorialUnitPublished,
        CalendarEvents.CalendarYearPublished {

    /** The CloudEvents {@code subject} and the Kafka record key. */
    String subject();

    Instant occurredAt();
}
