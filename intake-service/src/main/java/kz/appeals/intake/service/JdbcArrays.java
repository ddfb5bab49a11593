package kz.appeals.intake.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/** One column of a batch as a JDBC array, the parameter of an {@code unnest}. */
final class JdbcArrays {

    private JdbcArrays() {
    }

    static <T> Array array(Connection connection, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }
}
