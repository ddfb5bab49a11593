package kz.appeals.platform.inbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.appeals.contracts.EventType;
import kz.appeals.platform.bulk.CopyWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Insert-first deduplication: the first delivery of an event id to a consumer wins, inside the effect's transaction
 * (plain JDBC on that transaction's connection).
 */
@ApplicationScoped
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @return true if this is the first delivery. A concurrent duplicate waits on the key and then sees the
     * winner's row, so it returns false only once the first delivery has committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return !firstDeliveries(consumer, List.of(event)).isEmpty();
    }

    /**
     * {@link #firstDelivery} for a polled batch, in one statement whatever its size.
     *
     * @param events distinct ids: the caller removes a poll's repeats first
     * @return the ids among {@code events} not recorded before
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<IncomingEvent> events) {
        // the pool hands the connection enlisted in the caller's transaction
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into inbox_event (consumer, event_id, event_type)
                     select ?, delivered.id, delivered.type
                     from unnest(?::uuid[], ?::varchar[]) as delivered (id, type)
                     on conflict do nothing
                     returning event_id""")) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("uuid",
                    events.stream().map(IncomingEvent::id).toArray(UUID[]::new)));
            insert.setArray(3, connection.createArrayOf("varchar",
                    events.stream().map(event -> event.type().wireName()).toArray(String[]::new)));
            Set<UUID> first = new HashSet<>();
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getObject(1, UUID.class));
                }
            }
            return first;
        } catch (SQLException e) {
            throw new IllegalStateException(consumer + ": the inbox could not be written: " + e.getMessage(), e);
        }
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
