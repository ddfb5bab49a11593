package kz.appeals.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.analytics.service.FactRecorder;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.Set;

/**
 * One consumer loop over the four lifecycle topics, all feeding the same facts: a poll brings whatever the topics
 * hold, applied in one transaction. The topics are still read independently of each other, so an appeal's events
 * meet the fact in any order; {@link AppealFact} is built for that.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox's consumer name, which is also the Kafka consumer group. */
    static final String CONSUMER = "analytics-service";
    static final String CHANNEL = "lifecycle-events";

    /** The lifecycle channel with the event types it merges, for {@link HistoryReplay} to read alike. */
    static final Map<String, Set<EventType>> MERGED_BY_CHANNEL = Map.of(CHANNEL, AppealFact.MERGED_TYPES);

    private final InboxProcessor inboxProcessor;
    private final FactRecorder recorder;

    public LifecycleConsumers(InboxProcessor inboxProcessor, FactRecorder recorder) {
        this.inboxProcessor = inboxProcessor;
        this.recorder = recorder;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onLifecycleEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER, CHANNEL, records, AppealFact.MERGED_TYPES, recorder::recordAll);
    }
}
