package kz.appeals.escalation.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.escalation.service.DeadlineService;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Reads the facts that start, move and stop an appeal's clock from the three lifecycle topics. A record that can
 * never be applied fails here and the channel's dead-letter strategy parks it on appeals.dlq.escalation.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox key: deduplication is per consuming service, not per channel. */
    static final String CONSUMER_NAME = "escalation-service";
    static final Set<EventType> INTAKE_TYPES = Set.of(EventType.SUBMITTED);
    static final Set<EventType> ROUTING_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED,
            EventType.OUTSIDE_COMPETENCE);
    static final Set<EventType> RESPONSE_TYPES = Set.of(EventType.ANSWERED, EventType.EXTENDED, EventType.REOPENED);

    private final InboxProcessor inboxProcessor;
    private final DeadlineService service;

    public LifecycleConsumers(InboxProcessor inboxProcessor, DeadlineService service) {
        this.inboxProcessor = inboxProcessor;
        this.service = service;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        inboxProcessor.process(CONSUMER_NAME, record, INTAKE_TYPES, service::apply);
    }

    @Incoming("routing-events")
    @Blocking
    public void onRoutingEvent(ConsumerRecord<String, String> record) {
        inboxProcessor.process(CONSUMER_NAME, record, ROUTING_TYPES, service::apply);
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvent(ConsumerRecord<String, String> record) {
        inboxProcessor.process(CONSUMER_NAME, record, RESPONSE_TYPES, service::apply);
    }
}
