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
 * Reads the facts that start, move and stop an appeal's clock from the three lifecycle topics. Each channel is read a
 * polled batch at a time, applied together in one transaction ({@link DeadlineService#applyAll}); if that fails, one
 * event per transaction, so a record that can never be applied is parked on appeals.dlq.escalation alone.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox key: deduplication is per consuming service, not per channel. */
    static final String CONSUMER_NAME = "escalation-service";
    static final Set<EventType> INTAKE_TYPES = Set.of(EventType.SUBMITTED);
    static final Set<EventType> ROUTING_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED,
            EventType.NEEDS_TRIAGE, EventType.OUTSIDE_COMPETENCE);
    static final Set<EventType> RESPONSE_TYPES = Set.of(EventType.ANSWERED, EventType.EXTENDED, EventType.REOPENED);

    private final InboxProcessor inboxProcessor;
    private final DeadlineService service;

    public LifecycleConsumers(InboxProcessor inboxProcessor, DeadlineService service) {
        this.inboxProcessor = inboxProcessor;
        this.service = service;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "intake-events", records, INTAKE_TYPES,
                service::applyAll);
    }

    @Incoming("routing-events")
    @Blocking
    public void onRoutingEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "routing-events", records, ROUTING_TYPES,
                service::applyAll);
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "response-events", records, RESPONSE_TYPES,
                service::applyAll);
    }
}
