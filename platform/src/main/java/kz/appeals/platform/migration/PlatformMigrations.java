package kz.appeals.platform.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * The platform's tables (outbox, inbox, audit trail) migrate in each service's schema with a history of their own,
 * {@value #HISTORY}, right after the service's migrations. In one shared history a new platform migration (V0_x)
 * would be older than every service's newest and need Flyway's out-of-order mode, which makes a schema's
 * migration order depend on when it was first migrated; with two histories both run strictly in order.
 *
 * <p>A schema migrated before the split holds the platform's versions in the service's history: before the
 * service's history is validated they move over (the platform's history starts at the newest of them, the service's
 * forgets them), once.
 */
@Singleton
public class PlatformMigrations implements FlywayConfigurationCustomizer {

    public static final String HISTORY = "platform_schema_history";
    static final String FOLDER = "db/platform";

    /**
     * Quarkus finds migrations at build time in {@code quarkus.flyway.locations}, which therefore names both folders;
     * here the service's run is narrowed to its own, and the platform's run gets the platform's.
     */
    @Override
    public void customize(FluentConfiguration configuration) {
        ResourceProvider found = configuration.getResourceProvider();
        configuration.locations(Arrays.stream(configuration.getLocations())
                .filter(location -> !isPlatform(location.getPath())).toArray(Location[]::new));
        if (found != null) {
            configuration.resourceProvider(new Only(found, false));
        }
        Callback[] existing = configuration.getCallbacks();
        Callback[] callbacks = Arrays.copyOf(existing, existing.length + 1);
        callbacks[existing.length] = new AfterTheService(found == null ? null : new Only(found, true));
        configuration.callbacks(callbacks);
    }

    private static boolean isPlatform(String path) {
        return path.replace('\\', '/').contains(FOLDER);
    }

    /** The migrations of one of the two folders among those Quarkus found. */
    private record Only(ResourceProvider found, boolean platform) implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            LoadableResource resource = found.getResource(name);
            return resource != null && isPlatform(resource.getAbsolutePath()) == platform ? resource : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return found.getResources(prefix, suffixes).stream()
                    .filter(resource -> isPlatform(resource.getAbsolutePath()) == platform).toList();
        }
    }

    private static final class AfterTheService implements Callback {

        /** Null where Flyway scans the locations itself (outside Quarkus). */
        private final ResourceProvider platformResources;

        AfterTheService(ResourceProvider platformResources) {
            this.platformResources = platformResources;
        }

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return false;
        }

        @Override
        public void handle(Event event, Context context) {
            Configuration service = context.getConfiguration();
            try {
                if (event == Event.AFTER_MIGRATE) {
                    // a new schema holds the service's tables by now: the platform's history starts empty beside them
                    platform(service, platformResources).baselineOnMigrate(true).baselineVersion("0").load()
                            .migrate();
                } else {
                    moveVersionsOutOfTheServiceHistory(service, platformResources);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The platform's migration history cannot be prepared", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "platform-migrations";
        }
    }

    /** Same database, schema and settings as the service's run, the platform's migrations and history. */
    private static FluentConfiguration platform(Configuration service, ResourceProvider platformResources) {
        return Flyway.configure().configuration(service).callbacks(new Callback[0]).locations("classpath:" + FOLDER)
                .resourceProvider(platformResources).table(HISTORY).outOfOrder(false);
    }

    private static void moveVersionsOutOfTheServiceHistory(Configuration service, ResourceProvider platformResources)
            throws SQLException {
        DataSource dataSource = service.getDataSource();
        String schema = service.getDefaultSchema() != null ? service.getDefaultSchema() : service.getSchemas()[0];
        Optional<String> newest;
        try (Connection db = dataSource.getConnection()) {
            if (!tableExists(db, schema, service.getTable()) || tableExists(db, schema, HISTORY)) {
                return;
            }
            newest = newestPlatformVersion(db, schema, service.getTable());
        }
        if (newest.isEmpty()) {
            return;
        }
        platform(service, platformResources).baselineVersion(newest.get())
                .baselineDescription("platform versions moved from " + service.getTable()).load().baseline();
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            db.setAutoCommit(true);
            sql.executeUpdate("delete from " + quoted(schema) + "." + quoted(service.getTable())
                    + " where version like '0.%'");
        }
    }

    private static boolean tableExists(Connection db, String schema, String table) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select 1 from information_schema.tables where table_schema = ? and table_name = ?")) {
            query.setString(1, schema);
            query.setString(2, table);
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }

    /** The platform's versions are the 0.x ones: every service numbers its own from 1. */
    private static Optional<String> newestPlatformVersion(Connection db, String schema, String table)
            throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("select version from "
                + quoted(schema) + "." + quoted(table) + " where version like '0.%' and success")) {
            MigrationVersion newest = null;
            while (rows.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rows.getString(1));
                if (newest == null || version.compareTo(newest) > 0) {
                    newest = version;
                }
            }
            return Optional.ofNullable(newest).map(MigrationVersion::getVersion);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
