package kz.appeals.platform.transaction;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure because PostgreSQL cannot be reached (restart, failover, network) from one caused by the work
 * itself. The first says nothing about the request or the event: retrying once the database is back succeeds, so a
 * consumer waits instead of parking a good event, and a REST caller is told to retry instead of shown a 500.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed) and the operator-intervention states a
     * server sends while shutting down or not yet accepting connections (PostgreSQL appendix A).
     */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                    || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
