package kz.appeals.platform.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The platform's migrations keep a history of their own beside a service's, on the real test PostgreSQL: a new
 * schema gets both, strictly in order; a schema migrated when both shared one history (in out-of-order mode) has
 * the platform's versions moved over once, and migrates and validates cleanly afterwards.
 */
class PlatformMigrationsTest {

    private static final String SERVICE_LOCATION = "classpath:db/migration-test-service";
    /** test-support's TestInfrastructure, which depends on this module: the same variable and default. */
    private static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:"
            + System.getenv().getOrDefault("APPEALS_TEST_PG_PORT", "16432") + "/appeals";
    private final String schema = "platform_migrations_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropTheSchema() throws SQLException {
        execute("drop schema if exists " + schema + " cascade");
    }

    @Test
    void aNewSchemaGetsTheServicesAndThePlatformsHistories() throws SQLException {
        Flyway flyway = serviceFlyway();
        flyway.migrate();

        assertEquals(List.of("1"), versions("flyway_schema_history"));
        assertEquals(List.of("0", "0.1", "0.2", "0.3"), versions(PlatformMigrations.HISTORY));
        assertEquals(1, count("select count(*) from information_schema.tables where table_schema = '" + schema
                + "' and table_name in ('outbox_event')"));
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second start changes nothing");
        flyway.validate();
    }

    @Test
    void aSchemaFromTheSharedHistoryHasThePlatformsVersionsMovedOnce() throws SQLException {
        Flyway.configure().dataSource(JDBC_URL, "postgres", "postgres").schemas(schema)
                .locations("classpath:db/platform", SERVICE_LOCATION).outOfOrder(true).load().migrate();
        assertEquals(List.of("0.1", "0.2", "0.3", "1"), versions("flyway_schema_history"));

        Flyway flyway = serviceFlyway();
        assertEquals(0, flyway.migrate().migrationsExecuted);

        assertEquals(List.of("1"), versions("flyway_schema_history"));
        assertEquals(List.of("0.3"), versions(PlatformMigrations.HISTORY));
        flyway.validate();
        assertEquals(0, flyway.migrate().migrationsExecuted);
        assertEquals(List.of("0.3"), versions(PlatformMigrations.HISTORY));
    }

    /** As Quarkus configures a service: both folders named, the platform's customizer applied. */
    private Flyway serviceFlyway() {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(JDBC_URL, "postgres", "postgres").schemas(schema)
                .locations("classpath:db/platform", SERVICE_LOCATION);
        new PlatformMigrations().customize(configuration);
        return configuration.load();
    }

    private List<String> versions(String history) throws SQLException {
        List<String> versions = new ArrayList<>();
        try (Connection db = connect(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select version from " + schema + "." + history
                     + " where version is not null order by installed_rank")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private long count(String query) throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute(statement);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL, "postgres", "postgres");
    }
}
