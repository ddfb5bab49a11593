package kz.appeals.response.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.response.service.LifecycleEventService;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Reads intake's registrations (who the applicant is, by pseudonym), the decisions of routing (which body answers)
 * and of escalation (which higher body oversees). Each channel is read a polled batch at a time, applied together in
 * one transaction (one by one only when that fails); a record that can never be applied is parked on
 * appeals.dlq.response.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox key: deduplication is per consuming service, not per channel. */
    static final String CONSUMER_NAME = "response-service";
    static final Set<EventType> ROUTING_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED);
    static final Set<EventType> ESCALATION_TYPES = Set.of(EventType.ESCALATED, EventType.DUE_DATE_RECALCULATED);
    static final Set<EventType> INTAKE_TYPES = Set.of(EventType.SUBMITTED);

    private final InboxProcessor inboxProcessor;
    private final LifecycleEventService service;

    public LifecycleConsumers(InboxProcessor inboxProcessor, LifecycleEventService service) {
        this.inboxProcessor = inboxProcessor;
        this.service = service;
    }

    @Incoming("routing-events")
    @Blocking
    public void onRoutingEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "routing-events", records, ROUTING_TYPES,
                service::applyAll);
    }

    @Incoming("escalation-events")
    @Blocking
    public void onEscalationEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "escalation-events", records, ESCALATION_TYPES,
                service::applyAll);
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "intake-events", records, INTAKE_TYPES,
                service::applyAll);
    }
}
