package kz.appeals.response.service;

import kz.appeals.contracts.AppealEvents.BodyLevel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static kz.appeals.response.service.SqlArrays.column;
import static kz.appeals.response.service.SqlArrays.text;

/**
 * The lifecycle consumer's statements on {@code appeal_escalation}, in plain JDBC on the consuming transaction's
 * connection, one per batch. The office's screens read it through Panache ({@link AppealEscalationRepository}).
 */
final class AppealEscalationTable {

    /** An escalation as stored; {@code dueDate} is null where no term applies above. */
    record Row(UUID appealId, String fromBodyCode, String toBodyCode, BodyLevel toBodyLevel, String toBodyKato,
               Instant escalatedAt, LocalDate dueDate) {
    }

    private AppealEscalationTable() {
    }

    /** The escalations of these appeals, each appeal's in the order they happened (then in the order stored). */
    static List<Row> forAppeals(Connection connection, Collection<UUID> appealIds) throws SQLException {
        List<Row> escalations = new ArrayList<>();
        if (appealIds.isEmpty()) {
            return escalations;
        }
        try (PreparedStatement select = connection.prepareStatement("""
                select appeal_id, from_body_code, to_body_code, to_body_level, to_body_kato, escalated_at, due_date
                from appeal_escalation where appeal_id = any(?)
                order by appeal_id, escalated_at, id""")) {
            select.setArray(1, connection.createArrayOf("uuid", appealIds.toArray(UUID[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    escalations.add(new Row(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            BodyLevel.valueOf(rows.getString(4)), rows.getString(5),
                            rows.getObject(6, OffsetDateTime.class).toInstant(), rows.getObject(7, LocalDate.class)));
                }
            }
        }
        return escalations;
    }

    /** Inserts {@code escalations} in one statement, in their order; one already stored is left as it is. */
    static void insert(Connection connection, List<Row> escalations) throws SQLException {
        if (escalations.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal_escalation (appeal_id, from_body_code, to_body_code, to_body_level, to_body_kato,
                                               escalated_at, due_date)
                select appeal_id, from_body_code, to_body_code, to_body_level, to_body_kato,
                       escalated_at::timestamptz, due_date::date
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[])
                     with ordinality as escalation (appeal_id, from_body_code, to_body_code, to_body_level,
                                                    to_body_kato, escalated_at, due_date, position)
                order by position
                on conflict (appeal_id, to_body_code) do nothing""")) {
            insert.setArray(1, column(connection, "uuid", escalations, Row::appealId));
            insert.setArray(2, column(connection, "varchar", escalations, Row::fromBodyCode));
            insert.setArray(3, column(connection, "varchar", escalations, Row::toBodyCode));
            insert.setArray(4, column(connection, "varchar", escalations, row -> row.toBodyLevel().name()));
            insert.setArray(5, column(connection, "varchar", escalations, Row::toBodyKato));
            insert.setArray(6, text(connection, escalations, Row::escalatedAt));
            insert.setArray(7, text(connection, escalations, Row::dueDate));
            insert.executeUpdate();
        }
    }
}
