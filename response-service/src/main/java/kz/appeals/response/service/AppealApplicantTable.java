package kz.appeals.response.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * The lifecycle consumer's statement on {@code appeal_applicant}, in plain JDBC on the consuming transaction's
 * connection. The applicant's actions read it with the appeal ({@link AppealTable#read}).
 */
final class AppealApplicantTable {

    private AppealApplicantTable() {
    }

    /** Remembers each appeal's applicant (appeal id to pseudonym) in one statement; one already known stays. */
    static void insert(Connection connection, Map<UUID, String> applicantRefs) throws SQLException {
        if (applicantRefs.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal_applicant (appeal_id, applicant_ref)
                select * from unnest(?::uuid[], ?::varchar[])
                on conflict (appeal_id) do nothing""")) {
            insert.setArray(1, connection.createArrayOf("uuid", applicantRefs.keySet().toArray(UUID[]::new)));
            insert.setArray(2, connection.createArrayOf("varchar", applicantRefs.values().toArray(String[]::new)));
            insert.executeUpdate();
        }
    }
}
