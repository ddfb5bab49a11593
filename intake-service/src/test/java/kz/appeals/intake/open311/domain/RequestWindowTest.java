package kz.appeals.intake.open311.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration DAYS_90 = Duration.ofDays(90);

    @Test
    void noDatesMeansTheLastNinetyDays() {
        assertEquals(new RequestWindow(NOW.minus(DAYS_90), NOW), RequestWindow.of(null, null, NOW));
    }

    @Test
    void aLoneDateLeavesTheOtherEndOpen() {
        Instant start = Instant.parse("2025-01-10T00:00:00Z");
        assertEquals(new RequestWindow(start, NOW), RequestWindow.of(start, null, NOW));
        assertEquals(new RequestWindow(Instant.EPOCH, start), RequestWindow.of(null, start, NOW));
    }

    @Test
    void aRangeOfAtMostNinetyDaysIsTakenAsGiven() {
        Instant start = Instant.parse("2026-01-10T00:00:00Z");
        assertEquals(new RequestWindow(start, start.plus(DAYS_90)), RequestWindow.of(start, start.plus(DAYS_90), NOW));
        assertEquals(new RequestWindow(start, start), RequestWindow.of(start, start, NOW));
    }

    @Test
    void aLongerOrBackwardRangeIsRejected() {
        Instant start = Instant.parse("2026-01-10T00:00:00Z");
        assertThrows(RequestWindow.Rejected.class,
                () -> RequestWindow.of(start, start.plus(DAYS_90).plusSeconds(1), NOW));
        assertThrows(RequestWindow.Rejected.class, () -> RequestWindow.of(start, start.minusSeconds(1), NOW));
    }
}
