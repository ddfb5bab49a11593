package kz.appeals.escalation.domain;

import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.WarningThreshold;
import kz.appeals.escalation.domain.WarningSchedule.Warning;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WarningScheduleTest {

    private static final WorkingCalendar KZ = WorkingCalendar.bundled();

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void pointsOfTheTermAreCountedInWorkingDays() {
        WarningSchedule schedule = new WarningSchedule(0.5, 0.75, 1, EnumSet.allOf(WarningThreshold.class));
        // From Thursday 19 March 2025 (21-25 March off) the 15th working day is 14 April.
        assertEquals(List.of(new Warning(WarningThreshold.HALF_TERM, day("2025-04-03")),
                        new Warning(WarningThreshold.THREE_QUARTERS_TERM, day("2025-04-09")),
                        new Warning(WarningThreshold.ONE_WORKING_DAY_LEFT, day("2025-04-11"))),
                schedule.warnings(day("2025-03-19"), day("2025-04-14"), KZ));
    }

    @Test
    void thresholdsAndPointsAreConfigurable() {
        WarningSchedule schedule = new WarningSchedule(0.4, 0.9, 3, EnumSet.of(WarningThreshold.HALF_TERM,
                WarningThreshold.ONE_WORKING_DAY_LEFT));
        assertEquals(List.of(new Warning(WarningThreshold.HALF_TERM, day("2025-04-01")),
                        new Warning(WarningThreshold.ONE_WORKING_DAY_LEFT, day("2025-04-09"))),
                schedule.warnings(day("2025-03-19"), day("2025-04-14"), KZ));
    }

    @Test
    void aOneDayTermHasNothingToWarnOf() {
        WarningSchedule schedule = new WarningSchedule(0.5, 0.75, 1, EnumSet.allOf(WarningThreshold.class));
        assertEquals(List.of(), schedule.warnings(day("2025-04-14"), day("2025-04-15"), KZ));
    }

    @Test
    void fractionsOutsideTheTermAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new WarningSchedule(1.0, 0.75, 1, EnumSet.allOf(WarningThreshold.class)));
        assertThrows(IllegalArgumentException.class,
                () -> new WarningSchedule(0.5, 0.75, 0, EnumSet.allOf(WarningThreshold.class)));
    }
}
