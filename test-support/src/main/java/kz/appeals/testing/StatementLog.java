package kz.appeals.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the statements each transaction runs on chosen tables, with statement-level triggers a test installs in its
 * service's schema and removes afterwards: how a test shows that a batch costs one statement per table whatever its
 * size, and that it ran in one transaction.
 */
public final class StatementLog implements AutoCloseable {

    private final DataSource dataSource;
    private final String name;
    private final List<String> tables;

    private StatementLog(DataSource dataSource, String name, List<String> tables) {
        this.dataSource = dataSource;
        this.name = name;
        this.tables = tables;
    }

    /**
     * @param name a prefix for the log table, its function and triggers, unique among the tests of one service
     * @param tables whose inserts, updates and deletes are counted
     */
    public static StatementLog install(DataSource dataSource, String name, String... tables) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                create table %1$s (xid xid8 not null, tbl text not null, op text not null);
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    insert into %1$s values (pg_current_xact_id(), tg_table_name, tg_op);
                    return null;
                end $$;
                """.formatted(name));
        for (String table : tables) {
            sql.append("create trigger %1$s after insert or update or delete on %2$s for each statement execute function %1$s();\n"
                    .formatted(name, table));
        }
        execute(dataSource, sql.toString());
        return new StatementLog(dataSource, name, List.of(tables));
    }

    /**
     * "table OPERATION" → statements, of one transaction.
     *
     * @param transaction its id as {@code pg_current_xact_id()::text} or a row's {@code xmin::text} gives it
     */
    public Map<String, Long> statementsOf(String transaction) throws SQLException {
        Map<String, Long> statements = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select tbl || ' ' || op, count(*) from " + name
                     + " where xid::text = ? or xid::xid::text = ? group by 1")) {
            select.setString(1, transaction);
            select.setString(2, transaction);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    statements.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return statements;
    }

    /** The id of the transaction {@code connection} is in (opening one if needed), as {@link #statementsOf} takes it. */
    public static String currentTransaction(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select pg_current_xact_id()::text")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public void close() throws SQLException {
        StringBuilder sql = new StringBuilder();
        for (String table : tables) {
            sql.append("drop trigger ").append(name).append(" on ").append(table).append(";\n");
        }
        execute(dataSource, sql + "drop function " + name + "(); drop table " + name + ";");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
