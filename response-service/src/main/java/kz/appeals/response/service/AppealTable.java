package kz.appeals.response.service;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static kz.appeals.response.service.SqlArrays.column;
import static kz.appeals.response.service.SqlArrays.text;

/**
 * The lifecycle consumer's statements on {@code appeal}, in plain JDBC on the consuming transaction's connection: one
 * statement per batch whatever its size. The office's screens and actions read and write it through Panache
 * ({@link AppealRepository}).
 */
final class AppealTable {

    /** The first key of response-service's advisory locks; other services' locks never use it. */
    private static final int LIFECYCLE_LOCKS = 0x52455350;

    private AppealTable() {
    }

    /**
     * Holds the appeals' lifecycle locks until the transaction ends. Routing's and escalation's events for one appeal
     * arrive on different topics, in concurrent transactions; each looks for what the other writes (the appeal, its
     * escalation) before the other has committed, so without the lock an escalation that overtook the routing would
     * leave the appeal unmarked. A row lock cannot do this: the appeal's row may not exist yet. The locks are
     * PostgreSQL's transaction-scoped advisory locks on this service's key space and the appeal ids' hashes, taken in
     * the hashes' order so that two batches never wait for each other in a circle; two appeals sharing a hash merely
     * wait for each other. A lock already held is taken again at no cost. Statements after this one see what the
     * previous holder committed.
     */
    static void lockLifecycles(Connection connection, Collection<UUID> appealIds) throws SQLException {
        if (appealIds.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement("""
                select count(pg_advisory_xact_lock(?, hash))
                from (select distinct hash from unnest(?::integer[]) as ids (hash) order by hash) locks""")) {
            lock.setInt(1, LIFECYCLE_LOCKS);
            lock.setArray(2, connection.createArrayOf("integer",
                    appealIds.stream().map(UUID::hashCode).toArray(Integer[]::new)));
            lock.execute();
        }
    }

    /**
     * The stored ones among {@code appealIds}, their rows locked in id order until the transaction ends: an office's
     * action on one of them waits for the batch, then finds its version stale (409), instead of being overwritten.
     * The lock leaves foreign-key checks alone (an office's audit row of the appeal does not wait for it).
     */
    static Map<UUID, Appeal.Snapshot> lockAndRead(Connection connection, Collection<UUID> appealIds)
            throws SQLException {
        Map<UUID, Appeal.Snapshot> stored = new LinkedHashMap<>();
        if (appealIds.isEmpty()) {
            return stored;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select appeal_id, receipt_number, body_code, body_kato, rural_district_kato, district_kato, region_kato,
                       issue_id, category_code, appeal_type, language, description, registration_day, status, cycle,
                       routing_occurred_at, term_start, due_date, escalated
                from appeal where appeal_id = any(?)
                order by appeal_id
                for no key update""")) {
            select.setArray(1, connection.createArrayOf("uuid", appealIds.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Appeal.Snapshot appeal = new Appeal.Snapshot(rows.getObject(1, UUID.class), rows.getString(2),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getObject(8, UUID.class), rows.getString(9),
                            AppealType.valueOf(rows.getString(10)), Language.valueOf(rows.getString(11)),
                            rows.getString(12), rows.getObject(13, LocalDate.class),
                            AppealStatus.valueOf(rows.getString(14)), rows.getInt(15),
                            rows.getObject(16, OffsetDateTime.class).toInstant(), rows.getObject(17, LocalDate.class),
                            rows.getObject(18, LocalDate.class), rows.getBoolean(19));
                    stored.put(appeal.id(), appeal);
                }
            }
        }
        return stored;
    }

    /**
     * Inserts the new appeals and updates the changed ones, in one statement. An update moves the version on, as the
     * office's optimistic locking expects of every change.
     */
    static void write(Connection connection, Collection<Appeal.Snapshot> appeals) throws SQLException {
        if (appeals.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into appeal (appeal_id, receipt_number, body_code, body_kato, rural_district_kato, district_kato,
                                    region_kato, issue_id, category_code, appeal_type, language, description,
                                    registration_day, status, cycle, routing_occurred_at, term_start, due_date,
                                    escalated, version, created_at, updated_at)
                select appeal_id, receipt_number, body_code, body_kato, rural_district_kato, district_kato, region_kato,
                       issue_id, category_code, appeal_type, language, description, registration_day::date, status,
                       cycle, routing_occurred_at::timestamptz, term_start::date, due_date::date, escalated, 0, now(),
                       now()
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[],
                            ?::varchar[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::boolean[])
                     as changed (appeal_id, receipt_number, body_code, body_kato, rural_district_kato, district_kato,
                                 region_kato, issue_id, category_code, appeal_type, language, description,
                                 registration_day, status, cycle, routing_occurred_at, term_start, due_date, escalated)
                on conflict (appeal_id) do update set
                    receipt_number = excluded.receipt_number, body_code = excluded.body_code,
                    body_kato = excluded.body_kato, rural_district_kato = excluded.rural_district_kato,
                    district_kato = excluded.district_kato, region_kato = excluded.region_kato,
                    issue_id = excluded.issue_id, category_code = excluded.category_code,
                    appeal_type = excluded.appeal_type, language = excluded.language,
                    description = excluded.description, registration_day = excluded.registration_day,
                    status = excluded.status, cycle = excluded.cycle,
                    routing_occurred_at = excluded.routing_occurred_at, term_start = excluded.term_start,
                    due_date = excluded.due_date, escalated = excluded.escalated, version = appeal.version + 1,
                    updated_at = excluded.updated_at""")) {
            upsert.setArray(1, column(connection, "uuid", appeals, Appeal.Snapshot::id));
            upsert.setArray(2, column(connection, "varchar", appeals, Appeal.Snapshot::receiptNumber));
            upsert.setArray(3, column(connection, "varchar", appeals, Appeal.Snapshot::bodyCode));
            upsert.setArray(4, column(connection, "varchar", appeals, Appeal.Snapshot::bodyKato));
            upsert.setArray(5, column(connection, "varchar", appeals, Appeal.Snapshot::ruralDistrictKato));
            upsert.setArray(6, column(connection, "varchar", appeals, Appeal.Snapshot::districtKato));
            upsert.setArray(7, column(connection, "varchar", appeals, Appeal.Snapshot::regionKato));
            upsert.setArray(8, column(connection, "uuid", appeals, Appeal.Snapshot::issueId));
            upsert.setArray(9, column(connection, "varchar", appeals, Appeal.Snapshot::categoryCode));
            upsert.setArray(10, column(connection, "varchar", appeals, appeal -> appeal.appealType().name()));
            upsert.setArray(11, column(connection, "varchar", appeals, appeal -> appeal.language().name()));
            upsert.setArray(12, column(connection, "text", appeals, Appeal.Snapshot::description));
            upsert.setArray(13, text(connection, appeals, Appeal.Snapshot::registrationDay));
            upsert.setArray(14, column(connection, "varchar", appeals, appeal -> appeal.status().name()));
            upsert.setArray(15, column(connection, "integer", appeals, Appeal.Snapshot::cycle));
            upsert.setArray(16, text(connection, appeals, Appeal.Snapshot::routingOccurredAt));
            upsert.setArray(17, text(connection, appeals, Appeal.Snapshot::termStart));
            upsert.setArray(18, text(connection, appeals, Appeal.Snapshot::dueDate));
            upsert.setArray(19, column(connection, "boolean", appeals, Appeal.Snapshot::escalated));
            upsert.executeUpdate();
        }
    }
}
