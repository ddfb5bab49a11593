package kz.appeals.routing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.InboxProcessor;
import kz.appeals.platform.tracing.EventTracing;
import kz.appeals.routing.service.AppealRouting;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * New appeals from intake; "not ours", answers and reopenings from the offices. Each poll is applied together, in one
 * transaction and a few set-based statements ({@link InboxProcessor#processBatchTogether}).
 */
@ApplicationScoped
public class AppealEventsConsumer {

    static final String CONSUMER = "routing-service";
    /** Redirect requests, and answers and reopenings, which open or close an appeal for grouping related ones. */
    static final Set<EventType> RESPONSE_TYPES = Set.of(EventType.REDIRECT_REQUESTED, EventType.ANSWERED,
            EventType.REOPENED);

    private final InboxProcessor inbox;
    private final AppealRouting routing;
    private final EventTracing tracing;

    public AppealEventsConsumer(InboxProcessor inbox, AppealRouting routing, EventTracing tracing) {
        this.inbox = inbox;
        this.routing = routing;
        this.tracing = tracing;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvents(ConsumerRecords<String, String> records) {
        inbox.processBatchTogether(CONSUMER, "intake-events", records, Set.of(EventType.SUBMITTED),
                events -> routing.routeAll(dataOf(events, AppealEvents.Submitted.class), traces(records, events)));
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvents(ConsumerRecords<String, String> records) {
        inbox.processBatchTogether(CONSUMER, "response-events", records, RESPONSE_TYPES,
                events -> routing.respond(dataOf(events, AppealEvent.class), traces(records, events)));
    }

    private static <T extends AppealEvent> List<T> dataOf(List<IncomingEvent> events, Class<T> type) {
        return events.stream().map(event -> event.dataAs(type)).toList();
    }

    /**
     * The batch is handled in one span linked to every record's trace; what routing records because of one event
     * goes into a span continuing that event's own trace, so an appeal's trace runs on through routing's events.
     */
    private AppealRouting.EventTraces traces(ConsumerRecords<String, String> records, List<IncomingEvent> events) {
        Map<UUID, ConsumerRecord<String, String>> recordsById = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            eventId(record).ifPresent(id -> recordsById.putIfAbsent(id, record));
        }
        return (event, recording) -> tracing.inConsumerSpan(CONSUMER, recordsById.get(events.get(event).id()),
                events.get(event), () -> {
                    recording.run();
                    return null;
                });
    }

    /** Empty for a record whose id is not a UUID: such a record was parked, never handled. */
    private static Optional<UUID> eventId(ConsumerRecord<String, String> record) {
        Header id = record.headers().lastHeader(CloudEventHeaders.ID);
        try {
            return id == null || id.value() == null ? Optional.empty()
                    : Optional.of(UUID.fromString(new String(id.value(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
