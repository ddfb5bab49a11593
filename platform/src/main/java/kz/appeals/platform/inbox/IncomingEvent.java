package kz.appeals.platform.inbox;

import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.EventType;

import java.util.UUID;

/** A received CloudEvent whose envelope and data passed the contract; {@code data} is the typed record. */
public record IncomingEvent(UUID id, EventType type, String source, String subject, ContractEvent data) {

    public <T extends ContractEvent> T dataAs(Class<T> dataType) {
        return dataType.cast(data);
    }
}
