package kz.appeals.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.intake.service.TerritoryReplica;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

@ApplicationScoped
public class TerritoryConsumer {

    static final String CONSUMER = "intake-service";

    private final InboxProcessor inbox;
    private final TerritoryReplica replica;

    public TerritoryConsumer(InboxProcessor inbox, TerritoryReplica replica) {
        this.inbox = inbox;
        this.replica = replica;
    }

    @Incoming("territory")
    @Blocking
    public void onTerritoryEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, Set.of(EventType.SETTLEMENT_PUBLISHED, EventType.TERRITORIAL_UNIT_PUBLISHED),
                event -> {
                    if (event.type() == EventType.SETTLEMENT_PUBLISHED) {
                        replica.apply(event.dataAs(SettlementPublished.class));
                    } else {
                        replica.apply(event.dataAs(TerritorialUnitPublished.class));
                    }
                });
    }
}
