package kz.appeals.response.service;

import kz.appeals.response.domain.AppealAnswer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

import static kz.appeals.response.service.SqlArrays.column;
import static kz.appeals.response.service.SqlArrays.text;

/**
 * The actions' statement on {@code appeal_answer}, in plain JDBC on the transaction's connection. The office's
 * screens read it through the {@link kz.appeals.response.domain.Appeal} entity.
 */
final class AppealAnswerTable {

    private AppealAnswerTable() {
    }

    /**
     * Writes one appeal's new and rated answers in one statement. Only the rating of a stored answer changes: its
     * action's conditional write of the appeal ({@link AppealTable#update}) has already excluded a concurrent one.
     */
    static void write(Connection connection, UUID appealId, Collection<AppealAnswer.Snapshot> answers)
            throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into appeal_answer (appeal_id, cycle, body_code, outcome, language, text, answered_at,
                                           answered_by, rating_satisfied, rating_comment, rated_at)
                select ?, cycle, body_code, outcome, language, text, answered_at::timestamptz, answered_by,
                       rating_satisfied, rating_comment, rated_at::timestamptz
                from unnest(?::integer[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[],
                            ?::varchar[], ?::boolean[], ?::text[], ?::text[])
                     as answer (cycle, body_code, outcome, language, text, answered_at, answered_by,
                                rating_satisfied, rating_comment, rated_at)
                on conflict (appeal_id, cycle) do update set
                    rating_satisfied = excluded.rating_satisfied, rating_comment = excluded.rating_comment,
                    rated_at = excluded.rated_at""")) {
            upsert.setObject(1, appealId);
            upsert.setArray(2, column(connection, "integer", answers, AppealAnswer.Snapshot::cycle));
            upsert.setArray(3, column(connection, "varchar", answers, AppealAnswer.Snapshot::bodyCode));
            upsert.setArray(4, text(connection, answers, AppealAnswer.Snapshot::outcome));
            upsert.setArray(5, text(connection, answers, AppealAnswer.Snapshot::language));
            upsert.setArray(6, column(connection, "text", answers, AppealAnswer.Snapshot::text));
            upsert.setArray(7, text(connection, answers, AppealAnswer.Snapshot::answeredAt));
            upsert.setArray(8, column(connection, "varchar", answers, AppealAnswer.Snapshot::answeredBy));
            upsert.setArray(9, column(connection, "boolean", answers, AppealAnswer.Snapshot::ratingSatisfied));
            upsert.setArray(10, column(connection, "text", answers, AppealAnswer.Snapshot::ratingComment));
            upsert.setArray(11, text(connection, answers, AppealAnswer.Snapshot::ratedAt));
            upsert.executeUpdate();
        }
    }
}
