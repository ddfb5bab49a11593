package kz.appeals.appk;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A year without data (2027 when this was written: no transfer decree known) is computed from the law's rule in
 * calendar/law.csv and marked provisional; a year's data amends the rule.
 */
class RuleYearTest {

    private static final WorkingCalendar KZ = WorkingCalendar.bundled();
    private static final DeadlinePolicy POLICY = new DeadlinePolicy(KZ);

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static void assertOff(String iso, String why) {
        assertFalse(KZ.isWorkingDay(day(iso)), iso + ": " + why);
    }

    private static void assertWorking(String iso, String why) {
        assertTrue(KZ.isWorkingDay(day(iso)), iso + ": " + why);
    }

    @Nested
    class Year2027FromTheRule {

        @Test
        void isProvisional() {
            assertTrue(KZ.isProvisional(2027));
            assertEquals(WorkingCalendar.Basis.RULE, KZ.basis(2027));
            assertTrue(KZ.year(2027).isEmpty());
        }

        @Test
        void newYearOnFridayAndSaturdayCarriesTheSaturdayToMonday() {
            assertOff("2027-01-01", "New Year, a Friday");
            assertOff("2027-01-04", "2 January is a Saturday: Monday 4 January is off");
            assertWorking("2027-01-05", "a Tuesday");
        }

        @Test
        void orthodoxChristmasIsOff() {
            assertOff("2027-01-07", "Orthodox Christmas, a Thursday");
            assertWorking("2027-01-08", "a Friday");
        }

        @Test
        void constitutionDayIsTheFifteenthOfMarch() {
            assertOff("2027-03-15", "Constitution Day, adopted by referendum on 15 March 2026");
            assertOff("2027-03-08", "International Women's Day, a Monday");
            assertWorking("2027-08-30", "30 August is no longer Constitution Day");
        }

        @Test
        void nauryzSundayCarriesOverPastTheMondayAndTuesdayHolidays() {
            assertOff("2027-03-22", "Nauryz, a Monday");
            assertOff("2027-03-23", "Nauryz, a Tuesday");
            assertOff("2027-03-24", "Nauryz 21 March is a Sunday: the next working day, Wednesday 24, is off");
            assertWorking("2027-03-25", "a Thursday");
        }

        @Test
        void mayHolidaysOnTheWeekendCarryToMonday() {
            assertOff("2027-05-03", "1 May is a Saturday");
            assertOff("2027-05-07", "Defender of the Fatherland Day, a Friday");
            assertOff("2027-05-10", "Victory Day 9 May is a Sunday");
            assertWorking("2027-05-04", "a Tuesday");
            assertWorking("2027-05-11", "a Tuesday");
        }

        @Test
        void summerAndAutumnHolidays() {
            assertOff("2027-07-06", "Capital Day, a Tuesday");
            assertOff("2027-10-25", "Republic Day, a Monday");
            assertOff("2027-12-16", "Independence Day, a Thursday");
            assertWorking("2027-12-17", "a Friday");
        }

        @Test
        void kurbanAitIsComputedAndNotCarriedOver() {
            assertEquals(List.of(day("2027-05-16")), HolidayLaw.computedKurbanAit(2027));
            assertWorking("2027-05-17", "Kurban Ait on Sunday 16 May is not carried over");
        }
    }

    @Nested
    class TermsIntoTheNextYear {

        @Test
        void registeredOnElevenDecember2026IsDueOnSixJanuary() {
            assertEquals(day("2027-01-06"), POLICY.answerDue(day("2026-12-11")));
        }

        @Test
        void registeredOnSeventeenDecember2026IsDueOnTwelveJanuary() {
            assertEquals(day("2027-01-12"), POLICY.answerDue(day("2026-12-17")));
        }

        @Test
        void anExtensionToNewYear2027IsRefused() {
            LocalDate registered = day("2026-12-01");
            ExtensionDecision decision = POLICY.checkExtension(registered, POLICY.answerDue(registered),
                    day("2027-01-01"));
            assertEquals(ExtensionDecision.Reason.NOT_A_WORKING_DAY,
                    assertInstanceOf(ExtensionDecision.Rejected.class, decision).reason());
        }
    }

    @Nested
    class KurbanAit {

        @Test
        void theUmmAlQuraDateMatchesTheAnnouncedDaysShipped() {
            assertEquals(List.of(day("2025-06-06")), HolidayLaw.computedKurbanAit(2025));
            assertEquals(List.of(day("2026-05-27")), HolidayLaw.computedKurbanAit(2026));
            assertEquals(Optional.of(day("2025-06-06")), KZ.year(2025).orElseThrow().kurbanAit());
            assertEquals(Optional.of(day("2026-05-27")), KZ.year(2026).orElseThrow().kurbanAit());
        }

        @Test
        void noneOutsideTheUmmAlQuraTable() {
            assertEquals(List.of(), HolidayLaw.computedKurbanAit(2190));
        }
    }

    @Nested
    class LoadedData {

        private static final String DECISION_2027 = """
                transfer,2027-01-08,day-off,Test decree: Friday after Christmas off
                transfer,2027-01-09,working-day,Test decree: Saturday worked instead
                kurban-ait,2027-05-17,Test announcement of the board
                not-a-holiday,2027-03-08,Test amendment of the law
                """;

        private final WorkingCalendar loaded = KZ.withYear(CalendarYear.parse(2027, new StringReader(DECISION_2027)));

        @Test
        void overridesTheRuleAndIsNoLongerProvisional() {
            assertEquals(WorkingCalendar.Basis.LOADED, loaded.basis(2027));
            assertFalse(loaded.isWorkingDay(day("2027-01-08")), "transferred day off");
            assertTrue(loaded.isWorkingDay(day("2027-01-09")), "Saturday worked");
            assertFalse(loaded.isWorkingDay(day("2027-05-17")), "Kurban Ait as announced");
            assertTrue(loaded.isWorkingDay(day("2027-03-08")), "not a holiday this year");
            assertFalse(loaded.isWorkingDay(day("2027-03-15")), "the rule's other holidays stay");
            assertTrue(loaded.holidays(2027).stream().noneMatch(h -> h.date().equals(day("2027-05-16"))),
                    "the computed Kurban Ait gives way to the announced one");
        }

        @Test
        void namesTheDaysThatChanged() {
            WorkingCalendar.DayChanges changes = loaded.changesFrom(KZ, 2027);
            assertEquals(List.of(day("2027-01-08"), day("2027-05-17")), changes.becameDaysOff());
            assertEquals(List.of(day("2027-01-09"), day("2027-03-08")), changes.becameWorkingDays());
            assertEquals(new WorkingCalendar.DayChanges(List.of(), List.of()), KZ.changesFrom(KZ, 2027));
        }

        @Test
        void aFileRestatingTheRulesHolidaysMeansTheSame() {
            WorkingCalendar restated = KZ.withYear(CalendarYear.parse(2027, new StringReader("""
                    holiday,2027-01-01,carry-over,New Year
                    holiday,2027-01-02,carry-over,New Year
                    holiday,2027-01-07,no-carry-over,Orthodox Christmas
                    holiday,2027-03-08,carry-over,International Women's Day
                    holiday,2027-03-15,carry-over,Constitution Day
                    holiday,2027-03-21,carry-over,Nauryz meiramy
                    holiday,2027-03-22,carry-over,Nauryz meiramy
                    holiday,2027-03-23,carry-over,Nauryz meiramy
                    holiday,2027-05-01,carry-over,Kazakhstan People's Unity Day
                    holiday,2027-05-07,carry-over,Defender of the Fatherland Day
                    holiday,2027-05-09,carry-over,Victory Day
                    holiday,2027-05-16,no-carry-over,Kurban Ait (first day)
                    holiday,2027-07-06,carry-over,Capital Day
                    holiday,2027-10-25,carry-over,Republic Day
                    holiday,2027-12-16,carry-over,Independence Day
                    """)));
            assertEquals(KZ.holidays(2027), restated.holidays(2027));
            Stream.iterate(day("2027-01-01"), d -> d.getYear() == 2027, d -> d.plusDays(1))
                    .forEach(d -> assertEquals(KZ.isWorkingDay(d), restated.isWorkingDay(d), d.toString()));
        }

        @Test
        void aHolidayTheLawAddsForOneYearCarriesOver() {
            WorkingCalendar added = KZ.withYear(CalendarYear.parse(2027, new StringReader(
                    "holiday,2027-06-05,carry-over,Test holiday added by law for 2027 (a Saturday)\n")));
            assertFalse(added.isWorkingDay(day("2027-06-07")));
            assertTrue(KZ.isWorkingDay(day("2027-06-07")));
        }
    }

    @Nested
    class TheLawFile {

        @Test
        void aMalformedRuleIsReportedWithItsLine() {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HolidayLaw.parse(
                    new StringReader("# header\n01-01,carry-over,,,New Year\n02-30,carry-over,,,No such day\n")));
            assertTrue(e.getMessage().contains("line 3"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> HolidayLaw.parse(new StringReader("01-01,sometimes,,,New Year\n")));
            assertThrows(IllegalArgumentException.class,
                    () -> HolidayLaw.parse(new StringReader("01-01,carry-over,2030,2029,Never\n")));
        }

        @Test
        void aRuleAppliesFromItsFirstToItsLastYear() {
            HolidayLaw law = HolidayLaw.parse(new StringReader("08-30,carry-over,,2025,Constitution Day\n"
                    + "03-15,carry-over,2027,,Constitution Day\n"));
            assertEquals(List.of(day("2025-08-30")), dates(law, 2025));
            assertEquals(List.of(), dates(law, 2026));
            assertEquals(List.of(day("2027-03-15")), dates(law, 2027));
        }

        private List<LocalDate> dates(HolidayLaw law, int year) {
            return law.holidays(year, Optional.empty()).stream().map(CalendarYear.Holiday::date).toList();
        }
    }
}
