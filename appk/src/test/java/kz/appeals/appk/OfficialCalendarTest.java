package kz.appeals.appk;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dated examples from Kazakhstan's official calendars for 2025 and 2026 against the shipped data files. Sources
 * (read as news reports through the project's search tool, not the official texts themselves; the rest is the
 * engineer's own knowledge of these calendars, stated as such in the data files):
 * <ul>
 *   <li>2025: order of the Minister of Labour and Social Protection moving the day off of Sunday 5 January to
 *   Friday 3 January (informburo.kz, energy-city.kz); Republic Day on Saturday 25 October carried to Monday 27
 *   October (alau.kz); the holiday list of the Law "On holidays in the Republic of Kazakhstan".</li>
 *   <li>2026: the calendar of holidays and days off published on egov.kz (Kazinform, 2 January 2026): carry-overs
 *   to 9 March, 24-25 March, 11 May, 31 August and 26 October; Kurban Ait on 27 May; 246 working days in the year
 *   (tengrinews.kz via alau.kz). 31 August is a working day since Constitution Day left 30 August from 2026
 *   (Ministry of Labour and Social Protection, taspanews.kz, 18 March 2026; see calendar/law.csv): 247.</li>
 * </ul>
 */
class OfficialCalendarTest {

    private static final WorkingCalendar KZ = WorkingCalendar.bundled();

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static long workingDaysIn(int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), d -> d.getYear() == year, d -> d.plusDays(1))
                .filter(KZ::isWorkingDay).count();
    }

    @Nested
    class Year2025 {

        @Test
        void newYearRestsFromFirstToFourthJanuaryAndSundayFifthIsWorked() {
            for (String off : List.of("2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04")) {
                assertFalse(KZ.isWorkingDay(day(off)), off);
            }
            assertTrue(KZ.isWorkingDay(day("2025-01-05")), "Sunday 5 January 2025 is a working day by the transfer");
            assertTrue(KZ.isWorkingDay(day("2025-01-06")));
            assertFalse(KZ.isWorkingDay(day("2025-01-07")), "Orthodox Christmas");
        }

        @Test
        void weekendHolidaysCarryOver() {
            assertFalse(KZ.isWorkingDay(day("2025-03-10")), "8 March is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2025-03-24")), "Nauryz 22 March is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2025-03-25")), "Nauryz 23 March is a Sunday");
            assertFalse(KZ.isWorkingDay(day("2025-07-07")), "Capital Day is a Sunday");
            assertFalse(KZ.isWorkingDay(day("2025-09-01")), "Constitution Day is a Saturday");
            assertFalse(KZ.isWorkingDay(day("2025-10-27")), "Republic Day is a Saturday");
            assertTrue(KZ.isWorkingDay(day("2025-10-28")));
        }

        @Test
        void kurbanAitIsOffWithoutCarryOver() {
            assertFalse(KZ.isWorkingDay(day("2025-06-06")), "Kurban Ait, a Friday");
            assertTrue(KZ.isWorkingDay(day("2025-06-09")));
        }

        @Test
        void aTermOverNewYearCountsTheTransferredSunday() {
            // Registered Monday 30 December 2024: day 1 is Tue 31 December, day 2 Sunday 5 January (worked), then
            // Mon 6, Wed 8 (7 is Christmas) ... day 15 is Thursday 23 January 2025.
            assertEquals(day("2025-01-23"), KZ.addWorkingDays(day("2024-12-30"), 15));
        }
    }

    @Nested
    class Year2026 {

        @Test
        void theEgovCalendarsCarryOvers() {
            for (String off : List.of("2026-03-09", "2026-03-24", "2026-03-25", "2026-05-11", "2026-10-26")) {
                assertFalse(KZ.isWorkingDay(day(off)), off);
            }
            assertTrue(KZ.isWorkingDay(day("2026-03-26")));
            assertTrue(KZ.isWorkingDay(day("2026-05-12")));
        }

        @Test
        void religiousDaysAreOffWithoutCarryOver() {
            assertFalse(KZ.isWorkingDay(day("2026-01-07")), "Orthodox Christmas, a Wednesday");
            assertFalse(KZ.isWorkingDay(day("2026-05-27")), "Kurban Ait, a Wednesday");
            assertTrue(KZ.isWorkingDay(day("2026-01-05")) && KZ.isWorkingDay(day("2026-01-06")));
        }

        /**
         * The egov.kz calendar counted 246, with Constitution Day (Sun 30 August) carried to Monday 31 August; after
         * the referendum 30 August is no longer a holiday from 2026 (law.csv), so the year has one more.
         */
        @Test
        void theYearHas247WorkingDaysSinceConstitutionDayLeftAugust() {
            assertEquals(247, workingDaysIn(2026));
            assertTrue(KZ.isWorkingDay(day("2026-08-31")), "no carry-over of 30 August any more");
        }

        @Test
        void fifteenWorkingDaysAcrossMayHolidaysAndKurbanAit() {
            // From Thu 30 April: 1 May (Fri), 7 May (Thu), 11 May (carry-over of Victory Day) and 27 May are off.
            assertEquals(day("2026-05-26"), KZ.addWorkingDays(day("2026-04-30"), 15));
            assertEquals(day("2026-05-29"), KZ.addWorkingDays(day("2026-05-05"), 15));
        }
    }
}
