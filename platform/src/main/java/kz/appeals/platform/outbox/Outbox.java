package kz.appeals.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.ContractEvent;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;

import java.sql.Timestamp;
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

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** @return the event id, which becomes the CloudEvents {@code id} */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(ContractEvent event) {
        EventType type = EventType.of(event.getClass());
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic, occurred_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7)""")
                .setParameter(1, id)
                .setParameter(2, aggregateType(type))
                .setParameter(3, event.subject())
                .setParameter(4, type.wireName())
                .setParameter(5, toJson(event))
                .setParameter(6, type.topic())
                .setParameter(7, Timestamp.from(event.occurredAt()))
                .executeUpdate();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return id;
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

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
