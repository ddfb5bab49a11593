package kz.appeals.systemtests.fuzz;

import kz.appeals.testing.TestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Row counts of every table in the services' schemas, read as the superuser the scripts create. */
public final class TableCounts {

    private static final List<String> SCHEMAS = List.of("intake", "routing", "response", "escalation", "analytics");

    private TableCounts() {
    }

    /** {@code schema.table} → rows. */
    public static Map<String, Long> now() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name from "
                    + "information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('"
                    + String.join("','", SCHEMAS) + "')")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting rows in " + TestInfrastructure.JDBC_URL + " failed", e);
        }
        return counts;
    }
}
