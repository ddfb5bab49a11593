package kz.appeals.platform.time;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading timestamptz columns of native queries. */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    /** A timestamptz column as the JDBC driver and Hibernate hand it over: Instant, OffsetDateTime or Timestamp. */
    public static Instant toInstant(Object column) {
        if (column instanceof Instant instant) {
            return instant;
        }
        if (column instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) column).toInstant();
    }
}
