package kz.appeals.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.intake.service.TerritoryReplica;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

@ApplicationScoped
public class TerritoryConsumer {

    static final String CONSUMER = "intake-service";
    private static final Set<EventType> PLACES = Set.of(EventType.SETTLEMENT_PUBLISHED,
            EventType.TERRITORIAL_UNIT_PUBLISHED);

    private final InboxProcessor inbox;
    private final TerritoryReplica replica;

    public TerritoryConsumer(InboxProcessor inbox, TerritoryReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("territory")
    @Blocking
    public void onTerritoryEvents(ConsumerRecords<String, String> records) {
        inbox.processBatchTogether(CONSUMER, "territory", records, PLACES, replica::applyAll);
    }
}
