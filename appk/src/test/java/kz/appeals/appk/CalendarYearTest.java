package kz.appeals.appk;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
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
        assertTrue(bundled.isCovered(2025) && bundled.isCovered(2026));
    }
}
