package kz.appeals.appk;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The office hours that decide, under APPK Art. 64, whether an appeal received on a working day is registered that
 * day. An appeal received before opening is still registered that day: it is the nearest working day. Only one
 * received at or after closing moves to the next working day.
 *
 * @param offset the offset in which the times and the day are read (the national one, see
 *               {@link AppkTerms#NATIONAL_OFFSET})
 */
public record WorkingHours(LocalTime opens, LocalTime closes, ZoneOffset offset) {

    public WorkingHours {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(offset, "offset");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Working hours must open before they close: " + opens + "–" + closes);
        }
    }

    /** True when a receipt at {@code time} on a working day is too late to be registered that day. */
    public boolean isAfterClosing(LocalTime time) {
        return !time.isBefore(closes);
    }
}
