package kz.appeals.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every statement on {@code outbox_event}, in plain JDBC on the caller's connection (its transaction): one
 * statement whatever the number of rows, so the cost of a batch's events is one round trip.
 */
final class OutboxTable {

    /** A row as written; {@code seq} is drawn by the insert. */
    record NewRow(UUID id, String aggregateType, String aggregateId, String type, String payload, String topic,
                  Instant occurredAt, String tracingSpanContext) {
    }

    /** An unpublished row as the relay reads it, in {@code seq} order. */
    record Unpublished(UUID id, String aggregateId, String type, String topic, String payload, Instant occurredAt,
                       String tracingSpanContext) {
    }

    private OutboxTable() {
    }

    /** Writes {@code rows} in one statement; {@code seq} follows their order, which is the order they are published. */
    static void insert(Connection connection, List<NewRow> rows) throws SQLException {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] types = new String[n];
        String[] payloads = new String[n];
        String[] topics = new String[n];
        String[] occurredAt = new String[n];
        String[] contexts = new String[n];
        for (int i = 0; i < n; i++) {
            NewRow row = rows.get(i);
            ids[i] = row.id();
            aggregateTypes[i] = row.aggregateType();
            aggregateIds[i] = row.aggregateId();
            types[i] = row.type();
            payloads[i] = row.payload();
            topics[i] = row.topic();
            // ISO-8601 with its zone: read the same whatever the session's time zone
            occurredAt[i] = row.occurredAt().toString();
            contexts[i] = row.tracingSpanContext();
        }
        // seq (bigserial) is drawn row by row in ordinality order
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic, occurred_at,
                                          tracingspancontext)
                select id, aggregatetype, aggregateid, type, payload::jsonb, topic, occurred_at::timestamptz,
                       tracingspancontext
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[],
                            ?::text[], ?::varchar[])
                     with ordinality as event (id, aggregatetype, aggregateid, type, payload, topic, occurred_at,
                                               tracingspancontext, position)
                order by position""")) {
            insert.setArray(1, connection.createArrayOf("uuid", ids));
            insert.setArray(2, connection.createArrayOf("varchar", aggregateTypes));
            insert.setArray(3, connection.createArrayOf("varchar", aggregateIds));
            insert.setArray(4, connection.createArrayOf("varchar", types));
            insert.setArray(5, connection.createArrayOf("text", payloads));
            insert.setArray(6, connection.createArrayOf("varchar", topics));
            insert.setArray(7, connection.createArrayOf("text", occurredAt));
            insert.setArray(8, connection.createArrayOf("varchar", contexts));
            insert.executeUpdate();
        }
    }

    /**
     * Takes the relay lock of this schema for the caller's transaction.
     *
     * @return false when another replica's relay holds it
     */
    static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox-relay'))");
             ResultSet result = lock.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /** The oldest unpublished rows, locked until the caller's transaction ends. */
    static List<Unpublished> lockUnpublished(Connection connection, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select id, aggregateid, type, topic, payload::text, occurred_at, tracingspancontext
                from outbox_event where published_at is null
                order by seq limit ?
                for update skip locked""")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                List<Unpublished> unpublished = new ArrayList<>();
                while (rows.next()) {
                    unpublished.add(new Unpublished(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getString(7)));
                }
                return unpublished;
            }
        }
    }

    /** Marks a published batch in one statement. */
    static void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)")) {
            update.setArray(1, connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
            update.executeUpdate();
        }
    }

    /** Deletes rows published before {@code cutoff}; unpublished rows are never touched. */
    static void deletePublishedBefore(Connection connection, Instant cutoff) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_event where published_at < ?")) {
            delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            delete.executeUpdate();
        }
    }

    /** @return how many rows wait for the relay, and the occurrence time of the oldest (null when none) */
    static Backlog backlog(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*), min(occurred_at) from outbox_event where published_at is null");
             ResultSet result = select.executeQuery()) {
            result.next();
            OffsetDateTime oldest = result.getObject(2, OffsetDateTime.class);
            return new Backlog(result.getLong(1), oldest == null ? null : oldest.toInstant());
        }
    }

    static long unpublishedFor(Connection connection, String topic) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select count(*) from outbox_event where published_at is null and topic = ?")) {
            select.setString(1, topic);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    record Backlog(long events, Instant oldest) {
    }
}
