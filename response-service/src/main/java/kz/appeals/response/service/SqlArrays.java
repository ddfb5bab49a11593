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

    static <T> Array column(Connection connection, String type, Collection<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    /**
     * For values the driver has no array type for (dates, instants, enums): their ISO or constant text, which the
     * statement casts. An instant's text carries its zone, so it reads the same whatever the session's time zone.
     */
    static <T> Array text(Connection connection, Collection<T> rows, Function<T, ?> column) throws SQLException {
        return connection.createArrayOf("text", rows.stream().map(column)
                .map(value -> value == null ? null : value.toString()).toArray(String[]::new));
    }
}
