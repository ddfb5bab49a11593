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
 * and of escalation (which higher body oversees, and the due dates it owns), in one consumer loop over the three
 * topics. Each polled batch is applied together in one transaction (one by one only when that fails); a record that
 * can never be applied is parked on appeals.dlq.response.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox key: deduplication is per consuming service, not per channel. */
    static final String CONSUMER_NAME = "response-service";
    /** The submission (for the applicant's pseudonym), routing's placements, escalation's terms. */
    static final Set<EventType> INBOX_TYPES = Set.of(EventType.SUBMITTED, EventType.ROUTED, EventType.REDIRECTED,
            EventType.ESCALATED, EventType.DUE_DATE_RECALCULATED);

    private final InboxProcessor inboxProcessor;
    private final LifecycleEventService service;

    public LifecycleConsumers(InboxProcessor inboxProcessor, LifecycleEventService service) {
        this.inboxProcessor = inboxProcessor;
        this.service = service;
    }

    @Incoming("lifecycle-events")
    @Blocking
    public void onLifecycleEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER_NAME, "lifecycle-events", records, INBOX_TYPES,
                service::applyAll);
    }
}
