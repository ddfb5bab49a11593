package kz.appeals.escalation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.escalation.service.DeadlineService;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Reads the facts that start, move and stop an appeal's clock from the three lifecycle topics, in one consumer loop.
 * Each polled batch is applied together in one transaction ({@link DeadlineService#applyAll}); if that fails, one
 * event per transaction, so a record that can never be applied is parked on appeals.dlq.escalation alone.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox key: deduplication is per consuming service, not per channel. */
    static final String CONSUMER_NAME = "escalation-service";
    /** The submission starts the clock; routing's decisions, the answer and the extension move or stop it. */
    static final Set<EventType> CLOCK_TYPES = Set.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REDIRECTED,
            EventType.NEEDS_TRIAGE, EventType.OUTSIDE_COMPETENCE, EventType.ANSWERED, EventType.EXTENDED,
            EventType.REOPENED);

    private final InboxProcessor inboxProcessor;
    private final DeadlineService service;

    public LifecycleConsumers(InboxProcessor inboxProcessor, DeadlineService service) {
        this.inboxProcessor = inboxProcessor;
        this.service = service;
    }

    @Incoming("lifecycle-events")
    @Blocking
    public void onLifecycleEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "lifecycle-events", records, CLOCK_TYPES,
                service::applyAll);
    }
}
