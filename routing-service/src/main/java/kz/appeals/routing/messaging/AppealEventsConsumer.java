package kz.appeals.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.routing.service.AppealRouting;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** New appeals from intake; "not ours", answers and reopenings from the offices. */
@ApplicationScoped
public class AppealEventsConsumer {

    static final String CONSUMER = "routing-service";
    /** Redirect requests, and answers and reopenings, which open or close an appeal for grouping related ones. */
    static final Set<EventType> RESPONSE_TYPES = Set.of(EventType.REDIRECT_REQUESTED, EventType.ANSWERED,
            EventType.REOPENED);

    private final InboxProcessor inbox;
    private final AppealRouting routing;

    public AppealEventsConsumer(InboxProcessor inbox, AppealRouting routing) {
        this.inbox = inbox;
        this.routing = routing;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, "intake-events", records, Set.of(EventType.SUBMITTED),
                event -> routing.route(event.dataAs(AppealEvents.Submitted.class)));
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvents(ConsumerRecords<String, String> records) {
        inbox.processBatch(CONSUMER, "response-events", records, RESPONSE_TYPES, event -> {
            switch (event.type()) {
                case REDIRECT_REQUESTED -> routing.redirect(event.dataAs(AppealEvents.RedirectRequested.class));
                case ANSWERED -> routing.answered(event.dataAs(AppealEvents.Answered.class).appealId());
                case REOPENED -> routing.reopened(event.dataAs(AppealEvents.Reopened.class).appealId());
                default -> throw new IllegalStateException("Unhandled " + event.type());
            }
        });
    }
}
