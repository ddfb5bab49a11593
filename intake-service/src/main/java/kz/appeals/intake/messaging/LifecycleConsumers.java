package kz.appeals.intake.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.EventType;
import kz.appeals.intake.service.CitizenTimeline;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/**
 * Reads back what happened to the appeals intake registered, for the citizen's timeline. Deadline warnings are
 * internal to the offices and are not read. Each poll is applied in one call ({@link CitizenTimeline#applyAll}), a
 * few statements whatever its size.
 */
@ApplicationScoped
public class LifecycleConsumers {

    static final String CONSUMER_NAME = "intake-service";
    static final Set<EventType> ROUTING_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED, EventType.NEEDS_TRIAGE,
            EventType.OUTSIDE_COMPETENCE);
    static final Set<EventType> RESPONSE_TYPES = Set.of(EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.REDIRECT_REQUESTED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED);
    static final Set<EventType> ESCALATION_TYPES = Set.of(EventType.DEEMED_REFUSED, EventType.ESCALATED,
            EventType.DUE_DATE_RECALCULATED);

    private final InboxProcessor inboxProcessor;
    private final CitizenTimeline timeline;

    public LifecycleConsumers(InboxProcessor inboxProcessor, CitizenTimeline timeline) {
        this.inboxProcessor = inboxProcessor;
        this.timeline = timeline;
    }

    @Incoming("routing-events")
    @Blocking
    public void onRoutingEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "routing-events", records, ROUTING_TYPES,
                timeline::applyAll);
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "response-events", records, RESPONSE_TYPES,
                timeline::applyAll);
    }

    @Incoming("escalation-events")
    @Blocking
    public void onEscalationEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "escalation-events", records, ESCALATION_TYPES,
                timeline::applyAll);
    }
}
