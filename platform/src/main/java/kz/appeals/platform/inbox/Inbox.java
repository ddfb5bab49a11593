package kz.appeals.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kz.appeals.contracts.EventType;
import kz.appeals.platform.bulk.CopyWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Insert-first deduplication: the first delivery of an event id to a consumer wins, inside the effect's transaction. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * @return true if this is the first delivery. A concurrent duplicate waits on the key and then sees the
     * winner's row, so it returns false only once the first delivery has committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type().wireName())
                .executeUpdate() == 1;
    }

    /**
     * {@link #firstDelivery} for a polled batch in one statement.
     *
     * @return the ids among {@code events} not recorded before (an id that occurs twice is returned once)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<IncomingEvent> events) {
        @SuppressWarnings("unchecked")
        List<UUID> inserted = entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type)
                        select ?1, delivered.id, delivered.type
                        from unnest(cast(?2 as uuid[]), cast(?3 as varchar[])) as delivered (id, type)
                        on conflict do nothing
                        returning event_id""")
                .setParameter(1, consumer)
                .setParameter(2, events.stream().map(IncomingEvent::id).toArray(UUID[]::new))
                .setParameter(3, events.stream().map(event -> event.type().wireName()).toArray(String[]::new))
                .getResultList();
        return new HashSet<>(inserted);
    }

    /**
     * Records deliveries a bulk replay applied, with COPY on the replay's connection (its transaction). The
     * caller has deduplicated them and checked that the consumer had recorded nothing before: a delivery recorded
     * already violates the key and fails the whole COPY, so the replay cannot apply an event twice.
     *
     * @param ids in PostgreSQL's uuid order (unsigned, byte by byte), which keeps the key's index appends local
     */
    public static long recordBulk(Connection connection, String consumer, UUID[] ids, EventType[] types)
            throws SQLException {
        try (CopyWriter copy = CopyWriter.open(connection,
                "copy inbox_event (consumer, event_id, event_type) from stdin")) {
            for (int i = 0; i < ids.length; i++) {
                copy.value(consumer).value(ids[i]).value(types[i].wireName()).endRow();
            }
            return copy.finish();
        }
    }
}
