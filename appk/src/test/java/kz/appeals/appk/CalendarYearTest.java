package kz.appeals.appk;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarYearTest {

    @Test
    void readsEveryKindOfLineAndIgnoresComments() {
        CalendarYear year = CalendarYear.parse(2031, new StringReader("""
                # a comment

                holiday,2031-03-08,carry-over,Women's Day, with a comma in the name
                holiday,2031-01-07,no-carry-over,Orthodox Christmas
                transfer,2031-01-03,day-off,Test decree
                transfer,2031-01-04,working-day,Test decree
                """));
        assertEquals(2, year.holidays().size());
        assertEquals(LocalDate.parse("2031-01-07"), year.holidays().get(0).date(), "sorted by date");
        assertEquals("Women's Day, with a comma in the name", year.holidays().get(1).name());
        assertTrue(year.holidays().get(1).carriesOver());
        assertEquals(Set.of(LocalDate.parse("2031-01-03")), year.transferredDaysOff());
        assertEquals(Set.of(LocalDate.parse("2031-01-04")), year.transferredWorkingDays());
    }

    @Test
    void aMalformedLineIsReportedWithItsNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarYear.parse(2031,
                new StringReader("# header\nholiday,2031-03-08,maybe,Women's Day\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void aLineWithoutNameIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.parse(2031, new StringReader("holiday,2031-03-08,carry-over\n")));
    }

    @Test
    void aDateOutsideTheYearIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> CalendarYear.parse(2031, new StringReader("holiday,2032-03-08,carry-over,Women's Day\n")));
    }

    @Test
    void transfersMustMoveWhatTheySayTheyMove() {
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.parse(2031,
                new StringReader("transfer,2031-01-04,day-off,A Saturday is already off\n")));
        assertThrows(IllegalArgumentException.class, () -> CalendarYear.parse(2031,
                new StringReader("transfer,2031-01-03,working-day,A Friday is already worked\n")));
    }

    @Test
    void aDayListedTwiceIsRejectedNamingBothLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarYear.parse(2031,
                new StringReader("""
                        holiday,2031-03-08,carry-over,Women's Day
                        # the same day again, as a transfer
                        transfer,2031-03-08,working-day,Test decree
                        """)));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("line 1"), e.getMessage());
        assertEquals(3, assertInstanceOf(CalendarFormatException.class, e).line());
    }

    @Test
    void aMalformedDateIsReportedWithItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarYear.parse(2031,
                new StringReader("holiday,2031-01-01,carry-over,New Year\nholiday,2031-02-30,carry-over,No such day\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void theShippedFilesParse() {
        WorkingCalendar bundled = WorkingCalendar.bundled();
        assertEquals(WorkingCalendar.Basis.BUNDLED, bundled.basis(2025));
        assertEquals(WorkingCalendar.Basis.BUNDLED, bundled.basis(2026));
    }

    @Test
    void readsKurbanAitAndDaysTheLawNoLongerMakesHolidays() {
        CalendarYear year = CalendarYear.parse(2027, new StringReader("""
                kurban-ait,2027-05-17,Spiritual Administration of Muslims of Kazakhstan, test announcement
                not-a-holiday,2027-03-08,Test amendment of the law
                """));
        assertEquals(Optional.of(LocalDate.parse("2027-05-17")), year.kurbanAit());
        assertEquals(Set.of(LocalDate.parse("2027-03-08")), year.notHolidays());
        assertTrue(year.holidays().isEmpty());
    }

    @Test
    void aNewKindOfLineNeedsItsSource() {
        CalendarFormatException e = assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("# header\nkurban-ait,2027-05-16\n")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("<kind>,<date>,<source>"), e.getMessage());
        assertThrows(CalendarFormatException.class,
                () -> CalendarYear.parse(2027, new StringReader("not-a-holiday,2027-03-08, \n")));
    }

    @Test
    void kurbanAitIsStatedOnceAndNearTheComputedDay() {
        CalendarFormatException twice = assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("kurban-ait,2027-05-16,Board\nkurban-ait,2027-05-17,Board again\n")));
        assertEquals(2, twice.line());
        CalendarFormatException typo = assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("# 16 May computed: a month off is a typo\nkurban-ait,2027-06-16,Board\n")));
        assertEquals(2, typo.line());
        assertTrue(typo.getMessage().contains("2027-05-16"), typo.getMessage());
        assertThrows(CalendarFormatException.class,
                () -> CalendarYear.parse(2027, new StringReader("kurban-ait,2028-05-05,Board\n")), "another year");
    }

    @Test
    void notAHolidayMustNameAHolidayOfTheLawThatYear() {
        CalendarFormatException ordinary = assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("transfer,2027-01-08,day-off,Decree\nnot-a-holiday,2027-03-09,Amendment\n")));
        assertEquals(2, ordinary.line());
        assertTrue(ordinary.getMessage().contains("not a fixed-date holiday"), ordinary.getMessage());
        assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("not-a-holiday,2027-08-30,Constitution Day ended with 2025\n")));
        assertThrows(CalendarFormatException.class, () -> CalendarYear.parse(2027,
                new StringReader("not-a-holiday,2027-03-15,Amendment\nholiday,2027-03-15,carry-over,Again\n")),
                "a day listed twice");
    }

    @Test
    void anUnknownKindIsNamed() {
        CalendarFormatException e = assertThrows(CalendarFormatException.class,
                () -> CalendarYear.parse(2027, new StringReader("holyday,2027-01-01,carry-over,New Year\n")));
        assertTrue(e.getMessage().contains("holyday"), e.getMessage());
    }
}
