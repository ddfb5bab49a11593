package kz.appeals.analytics.domain;

import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerTermTest {

    @Test
    void anAnswerIsLateFromMidnightInKazakhstanAfterTheDueDate() {
        AnswerTerm term = new AnswerTerm(new DeadlinePolicy(WorkingCalendar.of(List.of())));

        // Registered Monday 23 November 2026: the 15th working day after it is Monday 14 December.
        assertEquals(Instant.parse("2026-12-14T19:00:00Z"), term.lateFrom(LocalDate.of(2026, 11, 23)));
    }

    @Test
    void holidaysOfTheCalendarMoveTheDueDate() {
        CalendarYear year2026 = new CalendarYear(2026,
                List.of(new CalendarYear.Holiday(LocalDate.of(2026, 12, 16), true, "Independence Day")),
                Set.of(), Set.of(), Optional.empty(), Set.of());
        AnswerTerm term = new AnswerTerm(new DeadlinePolicy(WorkingCalendar.of(List.of(year2026))));

        // Registered Wednesday 25 November: due Wednesday 16 December on weekdays alone, Thursday 17 with the holiday.
        assertEquals(Instant.parse("2026-12-17T19:00:00Z"), term.lateFrom(LocalDate.of(2026, 11, 25)));
    }
}
