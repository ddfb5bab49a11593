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
import java.util.stream.Collectors;

/**
 * New appeals from intake; "not ours", answers and reopenings from the offices: one consumer loop over both topics.
 * Each poll is applied together, in one transaction and a few set-based statements
 * ({@link InboxProcessor#processBatchTogether}): the submissions are routed first, then the offices' events, which
 * only ever concern appeals routed before.
 */
@ApplicationScoped
public class AppealEventsConsumer {

    static final String CONSUMER = "routing-service";
    static final String CHANNEL = "appeal-events";
    /** Submissions; redirect requests, and answers and reopenings, which open or close an appeal for grouping. */
    static final Set<EventType> HANDLED_TYPES = Set.of(EventType.SUBMITTED, EventType.REDIRECT_REQUESTED,
            EventType.ANSWERED, EventType.REOPENED);

    private final InboxProcessor inbox;
    private final AppealRouting routing;
    private final EventTracing tracing;

    public AppealEventsConsumer(InboxProcessor inbox, AppealRouting routing, EventTracing tracing) {
        this.inbox = inbox;
        this.routing = routing;
        this.tracing = tracing;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onAppealEvents(ConsumerRecords<String, String> records) {
        inbox.processBatchTogether(CONSUMER, CHANNEL, records, HANDLED_TYPES, events -> {
            Map<Boolean, List<IncomingEvent>> submitted = events.stream()
                    .collect(Collectors.partitioningBy(event -> event.type() == EventType.SUBMITTED));
            List<IncomingEvent> submissions = submitted.get(true);
            List<IncomingEvent> fromOffices = submitted.get(false);
            if (!submissions.isEmpty()) {
                routing.routeAll(dataOf(submissions, AppealEvents.Submitted.class), traces(records, submissions));
            }
            if (!fromOffices.isEmpty()) {
                routing.respond(dataOf(fromOffices, AppealEvent.class), traces(records, fromOffices));
            }
        });
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
