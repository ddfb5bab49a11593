package kz.appeals.response.service;

import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.domain.StatusChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static kz.appeals.response.service.SqlArrays.column;
import static kz.appeals.response.service.SqlArrays.text;

/**
 * The lifecycle consumer's and the actions' statements on {@code appeal_audit}, in plain JDBC on the transaction's
 * connection. The office's screens read it through Panache ({@link AppealAuditRepository}).
 */
final class AppealAuditTable {

    record Row(UUID appealId, StatusChange change) {
    }

    private AppealAuditTable() {
    }

    /** An appeal's changes in the order this service applied them, like {@link AppealAuditRepository#history}. */
    static List<StatusChange> history(Connection connection, UUID appealId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select from_status, to_status, action, actor, body_code, reason, occurred_at
                from appeal_audit where appeal_id = ? order by id""")) {
            select.setObject(1, appealId);
            try (ResultSet rows = select.executeQuery()) {
                List<StatusChange> history = new ArrayList<>();
                while (rows.next()) {
                    String from = rows.getString(1);
                    history.add(new StatusChange(from == null ? null : AppealStatus.valueOf(from),
                            AppealStatus.valueOf(rows.getString(2)), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getObject(7, OffsetDateTime.class).toInstant()));
                }
                return history;
            }
        }
    }

    /**
     * Inserts {@code entries} in one statement. Ids are drawn in the entries' order, which is the order the changes
     * were applied: the order the history is read in.
     */
    static void insert(Connection connection, List<Row> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal_audit (appeal_id, from_status, to_status, action, actor, body_code, reason,
                                          occurred_at)
                select appeal_id, from_status, to_status, action, actor, body_code, reason, occurred_at::timestamptz
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[],
                            ?::text[])
                     with ordinality as entry (appeal_id, from_status, to_status, action, actor, body_code, reason,
                                               occurred_at, position)
                order by position""")) {
            insert.setArray(1, column(connection, "uuid", entries, Row::appealId));
            insert.setArray(2, text(connection, entries, entry -> entry.change().from()));
            insert.setArray(3, text(connection, entries, entry -> entry.change().to()));
            insert.setArray(4, column(connection, "varchar", entries, entry -> entry.change().action()));
            insert.setArray(5, column(connection, "varchar", entries, entry -> entry.change().actor()));
            insert.setArray(6, column(connection, "varchar", entries, entry -> entry.change().bodyCode()));
            insert.setArray(7, column(connection, "text", entries, entry -> entry.change().reason()));
            insert.setArray(8, text(connection, entries, entry -> entry.change().at()));
            insert.executeUpdate();
        }
    }
}
