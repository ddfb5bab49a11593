package kz.appeals.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.appeals.contracts.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The one way a service consumes a lifecycle record: read and validate it, skip types the consumer does not use,
 * then record it in the inbox and apply its effect in one transaction. Transient failures (database restart,
 * lock timeout) are retried with backoff; an {@link UnprocessableEventException} is thrown at once so that the
 * messaging layer sends the record to the dead-letter topic and moves on.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final int MAX_ATTEMPTS = 8;

    private final Inbox inbox;
    private final MeterRegistry registry;
    private volatile boolean stopping;

    public InboxProcessor(Inbox inbox, MeterRegistry registry) {
        this.inbox = inbox;
        this.registry = registry;
    }

    /** From here on the database may already be gone: a failure is the shutdown, not the record. */
    void onShutdown(@Observes @Priority(1) ShutdownEvent shutdown) {
        stopping = true;
    }

    public void process(String consumer, ConsumerRecord<String, String> record, Set<EventType> handledTypes,
                        EventHandler handler) {
        IncomingEvent event;
        try {
            event = CloudEventReader.read(record);
        } catch (UnprocessableEventException e) {
            registry.counter("appeals.inbox.events", "consumer", consumer, "type", "unreadable",
                    "outcome", "dead-lettered").increment();
            throw e;
        }
        if (!handledTypes.contains(event.type())) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (inbox.firstDelivery(consumer, event)) {
                        handler.handle(event);
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
                if (attempt == MAX_ATTEMPTS) {
                    count(consumer, event, "dead-lettered");
                    throw new UnprocessableEventException("Gave up after " + attempt + " attempts: " + e, e);
                }
                LOG.warnf("%s failed on %s (attempt %d), retrying: %s", consumer, event.id(), attempt, e.toString());
                pause(attempt);
            }
        }
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
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while shutting down", failure);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5_000L, 100L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying", e);
        }
    }
}
