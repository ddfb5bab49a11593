package kz.appeals.intake.open311.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The GeoReport v2 rules for which requests a search returns, by requested time: the last 90 days when no date is
 * given; from a lone start_date up to now, or up to a lone end_date from the first request (the standard caps the
 * span only when both are given, at 90 days); newest first, at most 1,000 of them.
 */
public record RequestWindow(Instant from, Instant to) {

    public static final Duration MAX_SPAN = Duration.ofDays(90);
    public static final int MAX_RESULTS = 1000;

    /** A range the standard does not allow; the message says why, for the client. */
    public static class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    /** @param start the client's start_date or null; @param end its end_date or null */
    public static RequestWindow of(Instant start, Instant end, Instant now) {
        if (start == null && end == null) {
            return new RequestWindow(now.minus(MAX_SPAN), now);
        }
        if (end == null) {
            return new RequestWindow(start, now);
        }
        if (start == null) {
            return new RequestWindow(Instant.EPOCH, end);
        }
        if (end.isBefore(start)) {
            throw new Rejected("end_date is before start_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new Rejected("start_date and end_date may not span more than " + MAX_SPAN.toDays() + " days");
        }
        return new RequestWindow(start, end);
    }
}
