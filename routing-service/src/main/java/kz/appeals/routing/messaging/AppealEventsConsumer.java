package kz.appeals.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.routing.service.AppealRouting;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Set;

/** New appeals from intake and "not ours" answers from the offices. */
@ApplicationScoped
public class AppealEventsConsumer {

    static final String CONSUMER = "routing-service";

    private final InboxProcessor inbox;
    private final AppealRouting routing;

    public AppealEventsConsumer(InboxProcessor inbox, AppealRouting routing) {
        this.inbox = inbox;
        this.routing = routing;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, Set.of(EventType.SUBMITTED),
                event -> routing.route(event.dataAs(AppealEvents.Submitted.class)));
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvent(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, Set.of(EventType.REDIRECT_REQUESTED),
                event -> routing.redirect(event.dataAs(AppealEvents.RedirectRequested.class)));
    }
}
