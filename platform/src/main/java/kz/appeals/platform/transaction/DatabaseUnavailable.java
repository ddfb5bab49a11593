package kz.appeals.platform.transaction;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure because PostgreSQL cannot be used now from one caused by the work itself: it cannot be reached
 * (restart, failover, network), or the pool could not lend a connection in time (every one busy under overload).
 * Neither says anything about the request or the event: retrying later succeeds, so a consumer waits instead of
 * parking a good event, and a REST caller is told to retry instead of shown a 500.
 */
public final class DatabaseUnavailable {

    /**
     * SQLSTATE class 08 (connection exception: refused, broken, closed) and the operator-intervention states a
     * server sends while shutting down or not yet accepting connections (PostgreSQL appendix A).
     */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");
    private static final String AGROAL_POOL_PACKAGE = "io.agroal.pool.";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return unreachable(failure) || poolExhausted(failure);
    }

    /** PostgreSQL refused or lost the connection, or is shutting down. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                    || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The pool's acquisition timeout passed with every connection lent out. Agroal says so only in words: a plain
     * SQLException without SQLSTATE (no server said anything), "Sorry, acquisition timeout!" when the pool is full
     * and "Acquisition timeout while waiting for new connection" while it opens one, thrown by the pool itself.
     */
    public static boolean poolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() == null && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")
                    && thrownByThePool(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean thrownByThePool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(AGROAL_POOL_PACKAGE);
    }
}
