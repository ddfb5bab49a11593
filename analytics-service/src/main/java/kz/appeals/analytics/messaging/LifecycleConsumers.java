package kz.appeals.analytics.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.analytics.service.FactRecorder;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.inbox.InboxProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * One consumer per lifecycle topic, all feeding the same facts. The topics are read independently, so an appeal's
 * events meet the fact in any order; {@link AppealFact} is built for that.
 */
@ApplicationScoped
public class LifecycleConsumers {

    /** The inbox's consumer name, which is also the Kafka consumer group. */
    static final String CONSUMER = "analytics-service";

    private static final Set<EventType> INTAKE_TYPES = mergedTypesOf(Topics.INTAKE);
    private static final Set<EventType> ROUTING_TYPES = mergedTypesOf(Topics.ROUTING);
    private static final Set<EventType> RESPONSE_TYPES = mergedTypesOf(Topics.RESPONSE);
    private static final Set<EventType> ESCALATION_TYPES = mergedTypesOf(Topics.ESCALATION);

    /** Each lifecycle channel with the event types it merges, for {@link HistoryReplay} to read alike. */
    static final Map<String, Set<EventType>> MERGED_BY_CHANNEL = Map.of("intake-events", INTAKE_TYPES,
            "routing-events", ROUTING_TYPES, "response-events", RESPONSE_TYPES, "escalation-events",
            ESCALATION_TYPES);

    private final InboxProcessor inboxProcessor;
    private final FactRecorder recorder;

    public LifecycleConsumers(InboxProcessor inboxProcessor, FactRecorder recorder) {
        this.inboxProcessor = inboxProcessor;
        this.recorder = recorder;
    }

    @Incoming("intake-events")
    @Blocking
    public void onIntakeEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER, "intake-events", records, INTAKE_TYPES,
                recorder::recordAll);
    }

    @Incoming("routing-events")
    @Blocking
    public void onRoutingEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER, "routing-events", records, ROUTING_TYPES,
                recorder::recordAll);
    }

    @Incoming("response-events")
    @Blocking
    public void onResponseEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER, "response-events", records, RESPONSE_TYPES,
                recorder::recordAll);
    }

    @Incoming("escalation-events")
    @Blocking
    public void onEscalationEvents(ConsumerRecords<String, String> records) {
        inboxProcessor.processBatchTogether(CONSUMER, "escalation-events", records, ESCALATION_TYPES,
                recorder::recordAll);
    }

    private static Set<EventType> mergedTypesOf(String topic) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        AppealFact.MERGED_TYPES.stream().filter(type -> type.topic().equals(topic)).forEach(types::add);
        return types;
    }
}
