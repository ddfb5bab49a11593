package kz.appeals.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.tracing.EventTracing;
import kz.appeals.platform.transaction.DatabaseUnavailable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one way a service consumes a lifecycle record: read and validate it, skip types the consumer does not use,
 * then record it in the inbox and apply its effect in one transaction. Transient failures (a lock timeout, a
 * serialization failure) are retried with backoff, a few times; a record that can never be applied is parked on the
 * channel's dead-letter topic and the channel moves on. While the database cannot be reached at all, the record is
 * retried for as long as that lasts: an outage says nothing about the record, and parking good events would leave
 * an operator to replay every one of them.
 *
 * <p>A busy channel is consumed a polled batch at a time ({@link #processBatchTogether}): the whole batch in one
 * transaction and one commit, its state changes made by the handler set-based. If that transaction fails, the batch
 * is applied again one event per transaction, so a single bad event costs its batch the fast path, never its
 * neighbours' effects. The batch's transaction writes its inbox rows in one statement and the events its handler
 * recorded in the outbox in one more (the outbox collects them until the batch's work is done).
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final long OUTAGE_RETRY_MILLIS = 500;
    /** During an outage, one warning at first and then one every this many retries (about a minute apart). */
    private static final int OUTAGE_WARNING_EVERY = 120;

    private final Inbox inbox;
    private final Outbox outbox;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;
    private final EventTracing tracing;
    private volatile boolean stopping;

    public InboxProcessor(Inbox inbox, Outbox outbox, DeadLetters deadLetters, MeterRegistry registry,
                          EventTracing tracing) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.tracing = tracing;
    }

    /** From here on the database may already be gone: a failure is the shutdown, not the record. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    /**
     * One record of a channel consumed record by record. An {@link UnprocessableEventException} leaves this method
     * so that the channel's dead-letter strategy parks the record.
     */
    public void process(String consumer, ConsumerRecord<String, String> record, Set<EventType> handledTypes,
                        EventHandler handler) {
        IncomingEvent event = read(consumer, record);
        if (handledTypes.contains(event.type())) {
            applyAlone(consumer, new Received(record, event), handler);
        }
    }

    /**
     * One poll of a channel configured with {@code batch=true}: one call of {@code handler} for all first deliveries
     * of the poll, in one transaction; when that transaction fails, {@code handler} is called once per event, each in
     * a transaction of its own. Never throws for a bad record: each is parked on {@code channel}'s dead-letter topic
     * here, before the batch is acknowledged.
     */
    public void processBatchTogether(String consumer, String channel, ConsumerRecords<String, String> records,
                                     Set<EventType> handledTypes, BatchEventHandler handler) {
        processPoll(consumer, channel, records, handledTypes, event -> handler.handleAll(List.of(event)),
                toApply -> {
                    tracing.inBatchSpan(consumer, toApply.get(0).record().topic(),
                            toApply.stream().map(Received::record).toList(),
                            () -> handler.handleAll(toApply.stream().map(Received::event).toList()));
                    if (LOG.isDebugEnabled()) {
                        // each event's line under its own span: its appeal id and the trace it came with
                        toApply.forEach(one -> tracing.inConsumerSpan(consumer, one.record(), one.event(), () -> {
                            logApplied(consumer, one.event());
                            return null;
                        }));
                    }
                });
    }

    /**
     * @param together applies a poll's first deliveries in the poll's transaction
     * @param alone applies one event in a transaction of its own, when the poll's transaction failed
     */
    private void processPoll(String consumer, String channel, ConsumerRecords<String, String> records,
                             Set<EventType> handledTypes, EventHandler alone, Consumer<List<Received>> together) {
        List<Received> received = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = read(consumer, record);
                if (handledTypes.contains(event.type())) {
                    received.add(new Received(record, event));
                }
            } catch (UnprocessableEventException e) {
                park(channel, record, e);
            }
        }
        if (received.isEmpty()) {
            return;
        }
        for (int outageRetries = 1; ; outageRetries++) {
            try {
                applyTogether(consumer, received, together);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    leaveForRedelivery(received.get(0).event(), e);
                }
                if (!DatabaseUnavailable.causedBy(e)) {
                    LOG.infof("%s: a batch of %d events failed together (%s); applying them one by one", consumer,
                            received.size(), e.toString());
                    break;
                }
                // The batch is not at fault: once the database is back it goes through together.
                waitOutOutage(consumer, received.get(0).event(), e, outageRetries);
            }
        }
        for (Received one : received) {
            try {
                applyAlone(consumer, one, alone);
            } catch (UnprocessableEventException e) {
                park(channel, one.record(), e);
            }
        }
    }

    private IncomingEvent read(String consumer, ConsumerRecord<String, String> record) {
        try {
            return CloudEventReader.read(record);
        } catch (UnprocessableEventException e) {
            registry.counter("appeals.inbox.events", "consumer", consumer, "type", "unreadable",
                    "outcome", "dead-lettered").increment();
            throw e;
        }
    }

    private void applyTogether(String consumer, List<Received> received, Consumer<List<Received>> together) {
        // the same event twice in one poll (a relay's republish) is applied once, by its first delivery
        Map<UUID, Received> distinct = new LinkedHashMap<>();
        for (Received one : received) {
            distinct.putIfAbsent(one.event().id(), one);
        }
        boolean[] applied = new boolean[received.size()];
        QuarkusTransaction.requiringNew().run(() -> {
            Set<UUID> firstDeliveries = inbox.firstDeliveries(consumer,
                    distinct.values().stream().map(Received::event).toList());
            List<Received> toApply = new ArrayList<>(firstDeliveries.size());
            for (int i = 0; i < received.size(); i++) {
                Received one = received.get(i);
                applied[i] = distinct.get(one.event().id()) == one && firstDeliveries.contains(one.event().id());
                if (applied[i]) {
                    toApply.add(one);
                }
            }
            if (!toApply.isEmpty()) {
                together.accept(toApply);
                outbox.flush();
            }
        });
        registry.counter("appeals.inbox.batches", "consumer", consumer).increment();
        for (int i = 0; i < received.size(); i++) {
            count(consumer, received.get(i).event(), applied[i] ? "applied" : "duplicate");
        }
    }

    private void applyAlone(String consumer, Received received, EventHandler handler) {
        tracing.inConsumerSpan(consumer, received.record(), received.event(), () -> {
            applyAlone(consumer, received.event(), handler);
            return null;
        });
    }

    private void applyAlone(String consumer, IncomingEvent event, EventHandler handler) {
        int attempt = 0;
        int outageRetries = 0;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (inbox.firstDelivery(consumer, event)) {
                        handler.handle(event);
                        outbox.flush();
                        logApplied(consumer, event);
                        return true;
                    }
                    LOG.debugf("%s already processed %s %s", consumer, event.type().wireName(), event.id());
                    return false;
                });
                count(consumer, event, applied ? "applied" : "duplicate");
                return;
            } catch (UnprocessableEventException e) {
                count(consumer, event, "dead-lettered");
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    leaveForRedelivery(event, e);
                }
                if (DatabaseUnavailable.causedBy(e)) {
                    waitOutOutage(consumer, event, e, ++outageRetries);
                    continue;
                }
                attempt++;
                if (attempt == MAX_ATTEMPTS) {
                    count(consumer, event, "dead-lettered");
                    throw new UnprocessableEventException("Gave up after " + attempt + " attempts: " + e, e);
                }
                LOG.warnf("%s failed on %s (attempt %d), retrying: %s", consumer, event.id(), attempt, e.toString());
                pause(attempt);
            }
        }
    }

    private void waitOutOutage(String consumer, IncomingEvent event, RuntimeException failure, int retries) {
        if (retries % OUTAGE_WARNING_EVERY == 1) {
            LOG.warnf("%s: the database cannot be used now; %s waits for it (retry %d, every %d ms): %s", consumer,
                    event.id(), retries, OUTAGE_RETRY_MILLIS, failure.toString());
        }
        registry.counter("appeals.inbox.outage-retries", "consumer", consumer).increment();
        sleep(OUTAGE_RETRY_MILLIS);
    }

    /** Retries until the dead-letter topic takes the record: acknowledging it unparked would lose it. */
    private void park(String channel, ConsumerRecord<String, String> record, UnprocessableEventException reason) {
        for (int attempt = 1; ; attempt++) {
            try {
                deadLetters.park(channel, record, reason);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    LOG.infof("Shutting down: %s/%d/%d left for redelivery (%s)", record.topic(), record.partition(),
                            record.offset(), e);
                    waitForTheEnd(e);
                }
                LOG.warnf(e, "%s: dead-lettering failed (attempt %d), retrying", channel, attempt);
                pause(attempt);
            }
        }
    }

    /** At DEBUG, one line per applied event: with the MDC of its span, what happened to an appeal, in order. */
    private static void logApplied(String consumer, IncomingEvent event) {
        LOG.debugf("%s applied %s %s", consumer, event.type().wireName(), event.id());
    }

    private void count(String consumer, IncomingEvent event, String outcome) {
        registry.counter("appeals.inbox.events", "consumer", consumer, "type", event.type().wireName(),
                "outcome", outcome).increment();
    }

    /**
     * Neither acknowledges nor dead-letters the record: its offset stays uncommitted, so the next run of the service
     * (or the partition's next owner) receives it again. The thread waits for the process to end.
     */
    private static void leaveForRedelivery(IncomingEvent event, RuntimeException failure) {
        LOG.infof("Shutting down: %s %s left for redelivery (%s)", event.type().wireName(), event.id(), failure);
        waitForTheEnd(failure);
    }

    private static void waitForTheEnd(RuntimeException failure) {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while shutting down", failure);
        }
    }

    private static void pause(int attempt) {
        sleep(Math.min(5_000L, 100L << Math.min(attempt, 6)));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }

    private record Received(ConsumerRecord<String, String> record, IncomingEvent event) {
    }
}
