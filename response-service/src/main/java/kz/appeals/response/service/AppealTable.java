package kz.appeals.response.service;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAnswer;
import kz.appeals.response.domain.AppealStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static kz.appeals.response.service.SqlArrays.column;
import static kz.appeals.response.service.SqlArrays.text;

/**
 * The statements on {@code appeal} of the lifecycle consumer (one per batch whatever its size) and of the office's and
 * the applicant's actions (one per action), in plain JDBC on the transaction's connection. The office's screens read
 * it through Panache ({@link AppealRepository}).
 */
final class AppealTable {

    /** The first key of response-service's advisory locks; other services' locks never use it. */
    private static final int LIFECYCLE_LOCKS = 0x52455350;

    /**
     * An appeal as an action reads it: its columns, the version its write is conditional on, every cycle's answer
     * (oldest first) and its applicant's pseudonym (null while intake's event has not arrived, or for a signal).
     */
    record Held(Appeal.Snapshot appeal, long version, List<AppealAnswer.Snapshot> answers, String applicantRef) {

        Appeal restore() {
            return Appeal.restored(appeal, answers);
        }
    }

    private AppealTable() {
    }

    /**
     * One appeal with its answers and applicant, in one statement and without a lock: an action's write is
     * conditional on the version read here ({@link #update}), so that of two accounts acting at once the later
     * fails instead of overwriting the first.
     */
    static Optional<Held> read(Connection connection, UUID appealId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select a.*, applicant.applicant_ref, answer.cycle as answer_cycle,
                       answer.body_code as answer_body_code, answer.outcome as answer_outcome,
                       answer.language as answer_language, answer.text as answer_text, answer.answered_at,
                       answer.answered_by, answer.rating_satisfied, answer.rating_comment, answer.rated_at
                from appeal a
                left join appeal_applicant applicant on applicant.appeal_id = a.appeal_id
                left join appeal_answer answer on answer.appeal_id = a.appeal_id
                where a.appeal_id = ?
                order by answer.cycle""")) {
            select.setObject(1, appealId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Appeal.Snapshot appeal = snapshot(rows);
                long version = rows.getLong("version");
                String applicantRef = rows.getString("applicant_ref");
                List<AppealAnswer.Snapshot> answers = new ArrayList<>();
                do {
                    if (rows.getObject("answer_cycle") != null) {
                        answers.add(new AppealAnswer.Snapshot(rows.getInt("answer_cycle"),
                                rows.getString("answer_body_code"), Outcome.valueOf(rows.getString("answer_outcome")),
                                Language.valueOf(rows.getString("answer_language")), rows.getString("answer_text"),
                                instant(rows, "answered_at"), rows.getString("answered_by"),
                                (Boolean) rows.getObject("rating_satisfied"), rows.getString("rating_comment"),
                                instant(rows, "rated_at")));
                    }
                } while (rows.next());
                return Optional.of(new Held(appeal, version, answers, applicantRef));
            }
        }
    }

    /**
     * Writes an action's change of one appeal if nobody changed it since {@code version} was read, moving the version
     * on. Another account's change that has not committed yet is waited for, then seen.
     *
     * @return false when the appeal changed meanwhile: the action lost a race and must not take effect
     */
    static boolean update(Connection connection, Appeal.Snapshot appeal, long version) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update appeal set receipt_number = ?, body_code = ?, body_kato = ?, rural_district_kato = ?,
                                  district_kato = ?, region_kato = ?, issue_id = ?, category_code = ?,
                                  appeal_type = ?, language = ?, description = ?, registration_day = ?, status = ?,
                                  cycle = ?, routing_occurred_at = ?, term_start = ?, due_date = ?, escalated = ?,
                                  version = version + 1, updated_at = now()
                where appeal_id = ? and version = ?""")) {
            update.setString(1, appeal.receiptNumber());
            update.setString(2, appeal.bodyCode());
            update.setString(3, appeal.bodyKato());
            update.setString(4, appeal.ruralDistrictKato());
            update.setString(5, appeal.districtKato());
            update.setString(6, appeal.regionKato());
            update.setObject(7, appeal.issueId());
            update.setString(8, appeal.categoryCode());
            update.setString(9, appeal.appealType().name());
            update.setString(10, appeal.language().name());
            update.setString(11, appeal.description());
            update.setObject(12, appeal.registrationDay());
            update.setString(13, appeal.status().name());
            update.setInt(14, appeal.cycle());
            update.setObject(15, appeal.routingOccurredAt().atOffset(ZoneOffset.UTC));
            update.setObject(16, appeal.termStart());
            update.setObject(17, appeal.dueDate());
            update.setBoolean(18, appeal.escalated());
            update.setObject(19, appeal.id());
            update.setLong(20, version);
            return update.executeUpdate() == 1;
        }
    }

    /** The appeals an {@link InboxSql} statement selects ({@code select a.*}), in its order. */
    static List<Appeal.Snapshot> list(Connection connection, InboxSql.Statement statement) throws SQLException {
        try (PreparedStatement select = prepare(connection, statement); ResultSet rows = select.executeQuery()) {
            List<Appeal.Snapshot> appeals = new ArrayList<>();
            while (rows.next()) {
                appeals.add(snapshot(rows));
            }
            return appeals;
        }
    }

    /** What an {@link InboxSql} count statement counts. */
    static long count(Connection connection, InboxSql.Statement statement) throws SQLException {
        try (PreparedStatement select = prepare(connection, statement); ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, InboxSql.Statement statement)
            throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement.sql());
        List<Object> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            prepared.setObject(i + 1, parameters.get(i));
        }
        return prepared;
    }

    /** The appeal's own columns of the current row, by name. */
    private static Appeal.Snapshot snapshot(ResultSet rows) throws SQLException {
        return new Appeal.Snapshot(rows.getObject("appeal_id", UUID.class), rows.getString("receipt_number"),
                rows.getString("body_code"), rows.getString("body_kato"), rows.getString("rural_district_kato"),
                rows.getString("district_kato"), rows.getString("region_kato"), rows.getObject("issue_id", UUID.class),
                rows.getString("category_code"), AppealType.valueOf(rows.getString("appeal_type")),
                Language.valueOf(rows.getString("language")), rows.getString("description"),
                rows.getObject("registration_day", LocalDate.class), AppealStatus.valueOf(rows.getString("status")),
                rows.getInt("cycle"), instant(rows, "routing_occurred_at"),
                rows.getObject("term_start", LocalDate.class), rows.getObject("due_date", LocalDate.class),
                rows.getBoolean("escalated"));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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
                    Appeal.Snapshot appeal = snapshot(rows);
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
