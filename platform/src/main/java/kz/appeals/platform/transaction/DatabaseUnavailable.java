package kz.appeals.platform.transaction;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

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
        return anyCause(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                || SERVER_GOING_AWAY.contains(sql.getSQLState())));
    }

    /**
     * The pool's acquisition timeout passed with every connection lent out. Agroal says so only in words: a plain
     * SQLException without SQLSTATE (no server said anything), "Sorry, acquisition timeout!" when the pool is full
     * and "Acquisition timeout while waiting for new connection" while it opens one, thrown by the pool itself.
     */
    public static boolean poolExhausted(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() == null
                && sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")
                && thrownByThePool(sql));
    }

    /**
     * Looks through causes and suppressed exceptions alike: a commit the connection lost mid-way surfaces as the
     * transaction manager's RollbackException, with the driver's I/O error only among its suppressed exceptions.
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> matches) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> toVisit = new ArrayDeque<>();
        if (failure != null) {
            toVisit.push(failure);
        }
        while (!toVisit.isEmpty()) {
            Throwable cause = toVisit.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (matches.test(cause)) {
                return true;
            }
            if (cause.getCause() != null) {
                toVisit.push(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                toVisit.push(suppressed);
            }
        }
        return false;
    }

    private static boolean thrownByThePool(SQLException failure) {
        StackTraceElement[] frames = failure.getStackTrace();
        return frames.length > 0 && frames[0].getClassName().startsWith(AGROAL_POOL_PACKAGE);
    }
}
