package kz.appeals.platform.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.platform.inbox.IncomingEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Carries one appeal's trace across Kafka. The outbox stores the trace context of the transaction that recorded an
 * event; the relay publishes the record in a producer span continuing it, with W3C {@code traceparent} headers; a
 * consumer handles the record in a consumer span continuing those headers, so the events it records in turn belong
 * to the same trace. While an event is handled its appeal id and trace id are in the logging MDC.
 */
@ApplicationScoped
public class EventTracing {

    /** MDC keys: the JSON log line's fields. traceId and spanId are the names Quarkus uses for HTTP requests. */
    public static final String APPEAL_ID = "appealId";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final TextMapSetter<Map<String, String>> MAP_SETTER = Map::put;
    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };
    private static final TextMapSetter<Headers> HEADER_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };
    private static final TextMapGetter<Headers> HEADER_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("kz.appeals.platform");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** @return the current trace context as properties text for the outbox row, or null outside any trace */
    public String currentContext() {
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(Context.current(), fields, MAP_SETTER);
        if (fields.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        fields.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /**
     * Marks the hand-over of one outbox row to the producer: a producer span, child of the context stored with the
     * event (a new trace when none was stored), whose context goes into the record's headers.
     */
    public void tracePublish(String storedContext, String topic, String eventId, String eventType, Headers headers) {
        Context parent = propagator.extract(Context.root(), parse(storedContext), MAP_GETTER);
        Span span = tracer.spanBuilder(topic + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("cloudevents.event_type", eventType)
                .startSpan();
        propagator.inject(parent.with(span), headers, HEADER_SETTER);
        span.end();
    }

    /** Handles one record in a consumer span continuing the record's trace. */
    public <T> T inConsumerSpan(String consumer, ConsumerRecord<String, String> record, IncomingEvent event,
                                Supplier<T> handling) {
        Context parent = propagator.extract(Context.root(), record.headers(), HEADER_GETTER);
        SpanBuilder builder = consumerSpan(consumer, record.topic()).setParent(parent)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("cloudevents.event_type", event.type().wireName());
        String appealId = event.data() instanceof AppealEvents.AppealEvent ? event.subject() : null;
        return runIn(builder.startSpan(), appealId, handling);
    }

    /** Handles a poll's records together in one consumer span linked to each record's trace. */
    public void inBatchSpan(String consumer, String topic, List<ConsumerRecord<String, String>> records,
                            Runnable handling) {
        SpanBuilder builder = consumerSpan(consumer, topic).setNoParent()
                .setAttribute("messaging.batch.message_count", (long) records.size());
        for (ConsumerRecord<String, String> record : records) {
            SpanContext linked = Span.fromContext(propagator.extract(Context.root(), record.headers(), HEADER_GETTER))
                    .getSpanContext();
            if (linked.isValid()) {
                builder.addLink(linked);
            }
        }
        runIn(builder.startSpan(), null, () -> {
            handling.run();
            return null;
        });
    }

    private SpanBuilder consumerSpan(String consumer, String topic) {
        return tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.consumer.group.name", consumer);
    }

    private static <T> T runIn(Span span, String appealId, Supplier<T> work) {
        Object outerAppealId = MDC.get(APPEAL_ID);
        Object outerTraceId = MDC.get(TRACE_ID);
        Object outerSpanId = MDC.get(SPAN_ID);
        try (Scope ignored = span.makeCurrent()) {
            putOrRemove(APPEAL_ID, appealId);
            MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
            return work.get();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
            putOrRemove(APPEAL_ID, outerAppealId);
            putOrRemove(TRACE_ID, outerTraceId);
            putOrRemove(SPAN_ID, outerSpanId);
        }
    }

    private static void putOrRemove(String key, Object value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static Map<String, String> parse(String storedContext) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (storedContext == null || storedContext.isBlank()) {
            return fields;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(storedContext));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable in-memory trace context", e);
        }
        properties.forEach((key, value) -> fields.put(key.toString(), value.toString()));
        return fields;
    }
}
