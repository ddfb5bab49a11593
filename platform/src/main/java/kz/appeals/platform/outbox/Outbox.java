package kz.appeals.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.tracing.EventTracing;
import kz.appeals.platform.transaction.AfterCommit;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change it describes. Nothing is sent here: the
 * {@link OutboxRelay} publishes committed rows, so a crash after commit delays an event but never loses it.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
                  EventTracing tracing) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    /** @return the event id, which becomes the CloudEvents {@code id} */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(ContractEvent event) {
        return recordAll(List.of(event)).get(0);
    }

    /**
     * Several events in one statement, published in the order given (a sweep's batch of lapses: the round trip per
     * event was most of its cost).
     *
     * @return the event ids, in the order of {@code events}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(List<? extends ContractEvent> events) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        String[] topics = new String[n];
        Timestamp[] occurredAt = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            ContractEvent event = events.get(i);
            EventType type = EventType.of(event.getClass());
            ids[i] = UUID.randomUUID();
            aggregateTypes[i] = aggregateType(type);
            aggregateIds[i] = event.subject();
            types[i] = type.wireName();
            payloads[i] = toJson(event);
            topics[i] = type.topic();
            occurredAt[i] = Timestamp.from(event.occurredAt());
        }
        // seq (bigserial) is drawn row by row in ordinality order: the relay publishes in that order
        entityManager.createNativeQuery("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic, occurred_at,
                                                  tracingspancontext)
                        select id, aggregatetype, aggregateid, type, cast(payload as jsonb), topic, occurred_at,
                               cast(?8 as varchar)
                        from unnest(cast(?1 as uuid[]), cast(?2 as varchar[]), cast(?3 as varchar[]),
                                    cast(?4 as varchar[]), cast(?5 as text[]), cast(?6 as varchar[]),
                                    cast(?7 as timestamptz[]))
                             with ordinality as event (id, aggregatetype, aggregateid, type, payload, topic,
                                                       occurred_at, position)
                        order by position""")
                .setParameter(1, ids)
                .setParameter(2, aggregateTypes)
                .setParameter(3, aggregateIds)
                .setParameter(4, types)
                .setParameter(5, payloads)
                .setParameter(6, topics)
                .setParameter(7, occurredAt)
                .setParameter(8, tracing.currentContext())
                .executeUpdate();
        AfterCommit.run(transactions, relay::wakeUp);
        return List.of(ids);
    }

    private static String aggregateType(EventType type) {
        return switch (type) {
            case SETTLEMENT_PUBLISHED -> "settlement";
            case TERRITORIAL_UNIT_PUBLISHED -> "territorial-unit";
            default -> "appeal";
        };
    }

    private static String toJson(ContractEvent event) {
        try {
            return ContractJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event cannot be serialised: " + event.getClass().getSimpleName(), e);
        }
    }
}
