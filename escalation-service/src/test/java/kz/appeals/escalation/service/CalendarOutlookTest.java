package kz.appeals.escalation.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped calendar (2025 and 2026 bundled, later years provisional) seen on given days, in national time. */
class CalendarOutlookTest {

    /** Only {@link CalendarRegistry#current()} is used: the shipped calendar, no database. */
    private static final CalendarRegistry SHIPPED = new CalendarRegistry(null);

    private static CalendarOutlook on(String isoWithOffset) {
        Clock clock = Clock.fixed(OffsetDateTime.parse(isoWithOffset).toInstant(), ZoneOffset.UTC);
        return new CalendarOutlook(SHIPPED, clock, new SimpleMeterRegistry());
    }

    @Test
    void sixtyDaysBeforeAProvisionalYearTheAlertThresholdIsReached() {
        assertEquals(60, on("2026-11-02T00:00+05:00").daysUntilProvisionalYear());
        assertEquals(61, on("2026-11-01T23:59+05:00").daysUntilProvisionalYear());
        // 19:00 UTC on 1 November is already 2 November in Kazakhstan.
        assertEquals(60, on("2026-11-01T19:00Z").daysUntilProvisionalYear());
    }

    @Test
    void insideAProvisionalYearTheCountIsZero() {
        assertEquals(0, on("2027-03-01T12:00+05:00").daysUntilProvisionalYear());
    }

    @Test
    void theProvisionalYearsAmongThisAndNext() {
        assertEquals(List.of(), on("2025-06-01T12:00+05:00").provisionalYearsAhead());
        assertEquals(List.of(2027), on("2026-12-07T12:00+05:00").provisionalYearsAhead());
        assertEquals(List.of(2027, 2028), on("2027-01-04T12:00+05:00").provisionalYearsAhead());
    }
}
