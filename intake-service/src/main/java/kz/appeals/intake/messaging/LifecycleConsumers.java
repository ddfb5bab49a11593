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
    /** What the timeline shows, from routing, response and escalation; deadline warnings are not among them. */
    static final Set<EventType> TIMELINE_TYPES = Set.of(EventType.ROUTED, EventType.REDIRECTED,
            EventType.NEEDS_TRIAGE, EventType.OUTSIDE_COMPETENCE, EventType.ACKNOWLEDGED, EventType.EXTENDED,
            EventType.REDIRECT_REQUESTED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED,
            EventType.DEEMED_REFUSED, EventType.ESCALATED, EventType.DUE_DATE_RECALCULATED);

    private final InboxProcessor inboxProcessor;
    private final CitizenTimeline timeline;

    public LifecycleConsumers(InboxProcessor inboxProcessor, CitizenTimeline timeline) {
        this.inboxProcessor = inboxProcessor;
        this.timeline = timeline;
    }

    @Incoming("lifecycle-events")
    @Blocking
    public void onLifecycleEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "lifecycle-events", records, TIMELINE_TYPES,
                timeline::applyAll);
    }
}
