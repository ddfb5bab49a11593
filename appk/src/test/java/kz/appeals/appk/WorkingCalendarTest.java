package kz.appeals.appk;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private static final WorkingCalendar KZ = WorkingCalendar.bundled();

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    @Nested
    class Coverage {

        @Test
        void shipsTwentyTwentyFiveAndTwentyTwentySix() {
            assertEquals(List.of(2025, 2026), List.copyOf(KZ.yearsWithData()));
            assertFalse(KZ.isProvisional(2025));
            assertFalse(KZ.isProvisional(2026));
        }

        @Test
        void aYearWithoutDataFollowsTheLawsRuleAndIsProvisional() {
            assertTrue(KZ.isProvisional(2030));
            assertEquals(WorkingCalendar.Basis.RULE, KZ.basis(2030));
            assertFalse(KZ.isWorkingDay(day("2030-01-01")), "New Year 2030, from the rule");
            assertFalse(KZ.isWorkingDay(day("2030-01-05")), "a Saturday");
            assertFalse(KZ.isWorkingDay(day("2030-01-06")), "a Sunday");
        }
    }

    @Nested
    class DaysOff {

        @Test
        void holidaysOnWorkingDaysAreOff() {
            assertFalse(KZ.isWorkingDay(day("2025-01-01")));
            assertFalse(KZ.isWorkingDay(day("2025-03-21")), "Nauryz, a Friday");
            assertFalse(KZ.isWorkingDay(day("2025-12-16")), "Independence Day, a Tuesday");
            assertTrue(KZ.isWorkingDay(day("2025-12-17")));
        }

        @Test
        void aWeekendPublicHolidayCarriesTheDayOffToTheNextWorkingDay() {
            assertFalse(KZ.isWorkingDay(day("2025-03-10")), "8 March 2025 is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2025-07-07")), "Capital Day 2025 is a Sunday");
            assertFalse(KZ.isWorkingDay(day("2025-09-01")), "Constitution Day 2025 is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2025-10-27")), "Republic Day 2025 is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2026-05-11")), "Victory Day 2026 is a Saturday");
            assertTrue(KZ.isWorkingDay(day("2025-03-11")));
        }

        @Test
        void consecutiveWeekendHolidaysEachGetTheirOwnReplacementDay() {
            // Nauryz 2025: Fri 21, Sat 22, Sun 23 -> Mon 24 and Tue 25 off.
            assertFalse(KZ.isWorkingDay(day("2025-03-24")));
            assertFalse(KZ.isWorkingDay(day("2025-03-25")));
            assertTrue(KZ.isWorkingDay(day("2025-03-26")));
            // Nauryz 2026: Sat 21, Sun 22, Mon 23 -> the replacements skip the Monday holiday: Tue 24, Wed 25.
            assertFalse(KZ.isWorkingDay(day("2026-03-23")));
            assertFalse(KZ.isWorkingDay(day("2026-03-24")));
            assertFalse(KZ.isWorkingDay(day("2026-03-25")));
            assertTrue(KZ.isWorkingDay(day("2026-03-26")));
        }

        @Test
        void religiousDaysOffDoNotCarryOver() {
            WorkingCalendar calendar = calendar(2033, """
                    holiday,2033-01-08,no-carry-over,Religious day on a Saturday
                    holiday,2033-01-15,carry-over,Public holiday on a Saturday
                    """);
            assertTrue(calendar.isWorkingDay(day("2033-01-10")), "no replacement for a religious day");
            assertFalse(calendar.isWorkingDay(day("2033-01-17")), "the public holiday's replacement");
        }

        @Test
        void aCarryOverCrossesIntoTheNextYearPastItsHolidays() {
            WorkingCalendar calendar = WorkingCalendar.of(List.of(
                    year(2033, "holiday,2033-12-31,carry-over,Saturday holiday"),
                    year(2034, """
                            holiday,2034-01-01,carry-over,New Year (Sunday)
                            holiday,2034-01-02,carry-over,New Year (Monday)
                            """)));
            assertFalse(calendar.isWorkingDay(day("2034-01-03")), "replaces 31 December");
            assertFalse(calendar.isWorkingDay(day("2034-01-04")), "replaces 1 January");
            assertTrue(calendar.isWorkingDay(day("2034-01-05")));
        }

        @Test
        void transfersOfTheDecreeApplyOnTopOfTheWeek() {
            WorkingCalendar calendar = calendar(2031, """
                    transfer,2031-01-03,day-off,Test decree: Friday off
                    transfer,2031-01-04,working-day,Test decree: Saturday worked instead
                    """);
            assertFalse(calendar.isWorkingDay(day("2031-01-03")));
            assertTrue(calendar.isWorkingDay(day("2031-01-04")));
            assertEquals(day("2031-01-04"), calendar.nextWorkingDay(day("2031-01-02")));
        }
    }

    @Nested
    class RegistrationDay {

        @Test
        void withinWorkingHoursIsTheDayOfReceipt() {
            assertEquals(day("2025-11-21"), KZ.registrationDay(at("2025-11-21T17:59:59+05:00")));
        }

        @Test
        void beforeOpeningOnAWorkingDayIsStillThatDay() {
            assertEquals(day("2025-11-24"), KZ.registrationDay(at("2025-11-24T06:30+05:00")));
        }

        @Test
        void afterSixOnAFridayIsTheNextMonday() {
            assertEquals(day("2025-11-24"), KZ.registrationDay(at("2025-11-21T18:00+05:00")));
            assertEquals(day("2025-11-24"), KZ.registrationDay(at("2025-11-21T23:10+05:00")));
        }

        @Test
        void afterSixOnAFridayBeforeAHolidayMondayIsTheTuesday() {
            // 8 March 2025 is a Saturday, so Monday 10 March is off.
            assertEquals(day("2025-03-11"), KZ.registrationDay(at("2025-03-07T19:00+05:00")));
        }

        @Test
        void onAHolidayIsTheNextWorkingDay() {
            assertEquals(day("2025-12-17"), KZ.registrationDay(at("2025-12-16T10:00+05:00")));
        }

        @Test
        void theDayIsReadInNationalTimeNotUtc() {
            // 13:30 UTC on Friday is 18:30 in Kazakhstan: already after hours.
            assertEquals(day("2025-11-24"), KZ.registrationDay(Instant.parse("2025-11-21T13:30:00Z")));
            // 20:00 UTC on Sunday is 01:00 on Monday in Kazakhstan.
            assertEquals(day("2025-11-24"), KZ.registrationDay(Instant.parse("2025-11-23T20:00:00Z")));
        }

        @Test
        void callersMayUseTheirOwnWorkingHours() {
            WorkingHours closesAtFive = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(17, 0),
                    AppkTerms.NATIONAL_OFFSET);
            assertEquals(day("2025-11-20"), KZ.registrationDay(at("2025-11-19T17:30+05:00"), closesAtFive));
            assertEquals(day("2025-11-19"), KZ.registrationDay(at("2025-11-19T17:30+05:00")));
        }
    }

    @Nested
    class Counting {

        @Test
        void dayOneIsTheFirstWorkingDayAfterTheStart() {
            assertEquals(day("2025-11-24"), KZ.addWorkingDays(day("2025-11-21"), 1));
            assertEquals(day("2025-11-21"), KZ.addWorkingDays(day("2025-11-21"), 0));
        }

        @Test
        void fifteenWorkingDaysAcrossNauryz() {
            // Day 1 Thu 20 March; 21-25 March off; day 15 Mon 14 April.
            assertEquals(day("2025-04-14"), KZ.addWorkingDays(day("2025-03-19"), 15));
        }

        @Test
        void fifteenWorkingDaysAcrossNewYear() {
            // 1-2 January and 7 January (Orthodox Christmas) 2026 are off.
            assertEquals(day("2026-01-20"), KZ.addWorkingDays(day("2025-12-25"), 15));
        }

        @Test
        void workingDaysBetweenIsTheInverseOfAdding() {
            assertEquals(15, KZ.workingDaysBetween(day("2025-03-19"), day("2025-04-14")));
            assertEquals(0, KZ.workingDaysBetween(day("2025-04-14"), day("2025-04-14")));
            assertEquals(-2, KZ.workingDaysBetween(day("2025-04-16"), day("2025-04-14")));
            assertEquals(0, KZ.workingDaysBetween(day("2025-03-20"), day("2025-03-25")), "21-25 March are off");
        }

        @Test
        void negativeCountsAreRejected() {
            assertThrows(IllegalArgumentException.class, () -> KZ.addWorkingDays(day("2025-01-06"), -1));
        }
    }

    @Test
    void withYearAddsOrReplacesOneYearAndLeavesTheOriginalAlone() {
        WorkingCalendar next = KZ.withYear(year(2027, "transfer,2027-01-08,day-off,Test decree"))
                .withYear(year(2026, "transfer,2026-01-05,day-off,Test decree"));
        assertEquals(WorkingCalendar.Basis.LOADED, next.basis(2027));
        assertEquals(WorkingCalendar.Basis.LOADED, next.basis(2026));
        assertFalse(next.isWorkingDay(day("2027-01-08")));
        assertFalse(next.isWorkingDay(day("2026-01-05")), "2026 replaced by the new data");
        assertFalse(next.isWorkingDay(day("2026-05-27")),
                "without a kurban-ait line the computed day (27 May 2026, as announced) is off");
        assertTrue(next.isWorkingDay(day("2025-03-11")));
        assertTrue(KZ.isProvisional(2027));
        assertTrue(KZ.isWorkingDay(day("2027-01-08")));
        assertTrue(KZ.isWorkingDay(day("2026-01-05")));
    }

    @Test
    void aYearGivenTwiceIsRejected() {
        CalendarYear data = year(2031, "holiday,2031-01-01,carry-over,New Year");
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.of(List.of(data, data)));
    }

    static CalendarYear year(int year, String text) {
        return CalendarYear.parse(year, new StringReader(text));
    }

    static WorkingCalendar calendar(int year, String text) {
        return WorkingCalendar.of(List.of(year(year, text)));
    }
}
