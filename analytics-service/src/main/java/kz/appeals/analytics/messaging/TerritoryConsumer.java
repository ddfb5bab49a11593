package kz.appeals.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.service.TerritoryRecorder;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** Regions, districts and rural districts from routing's reference; settlements are of no use to the metrics. */
@ApplicationScoped
public class TerritoryConsumer {

    /** What the channel applies, for {@link HistoryReplay} to read alike. */
    static final String CHANNEL = "territory-events";
    static final Set<EventType> MERGED_TYPES = Set.of(EventType.TERRITORIAL_UNIT_PUBLISHED);

    private final InboxProcessor inboxProcessor;
    private final TerritoryRecorder recorder;

    public TerritoryConsumer(InboxProcessor inboxProcessor, TerritoryRecorder recorder) {
        this.inboxProcessor = inboxProcessor;
        this.recorder = recorder;
    }

    @Incoming("territory-events")
    @Blocking
    public void onTerritoryEvent(ConsumerRecord<String, String> record) {
        inboxProcessor.process(LifecycleConsumers.CONSUMER, record, MERGED_TYPES, recorder::record);
    }
}
