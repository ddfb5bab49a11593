package kz.appeals.response.service;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.function.Function;

/** One column of a batch's rows as a PostgreSQL array parameter, for the {@code unnest} statements of the tables. */
final class SqlArrays {

    private SqlArrays() {
    }

    /** Values the driver cannot bind as {@code type} (dates, instants) go as their ISO text, cast in the statement. */
    static <T> Array column(Connection connection, String type, Collection<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    static <T> Array text(Connection connection, Collection<T> rows, Function<T, ?> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column)
                .map(value -> value == null ? null : value.toString()).toArray(String[]::new));
    }
}
