package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.appeals.appk.CalendarFormatException;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import kz.appeals.contracts.CalendarEvents.Holiday;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.ProblemException;

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads a year of the working calendar (next year's government decision) without a release. A file that cannot be
 * used is refused naming its line, and nothing changes: the year's row, the calendar in force and the topic. A
 * usable one replaces the year's data in the table and is published on appeals.calendar in the same transaction,
 * for the other services that count working days.
 */
@ApplicationScoped
public class CalendarAdmin {

    /** Years an operator may load: wide enough for any decree, narrow enough to catch a typo. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2200;

    /**
     * A year as the calendar in force sees it.
     *
     * @param loaded           true when the data came through this API, false when shipped with the library
     * @param nonWorkingWeekdays Monday-to-Friday days off: holidays, carry-overs and transferred days off
     * @param workingDays      working days in the year
     */
    public record CalendarYearView(int year, boolean covered, boolean loaded, List<Holiday> holidays,
                                   List<LocalDate> transferredDaysOff, List<LocalDate> transferredWorkingDays,
                                   List<LocalDate> nonWorkingWeekdays, long workingDays) {
    }

    private final EntityManager entityManager;
    private final CalendarRegistry calendars;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Clock clock;

    public CalendarAdmin(EntityManager entityManager, CalendarRegistry calendars, Outbox outbox, AuditTrail audit,
                         Clock clock) {
        this.entityManager = entityManager;
        this.calendars = calendars;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void load(int year, String source, String loadedBy) {
        CalendarYear data = parse(year, source);
        Instant now = clock.instant();
        entityManager.createNativeQuery("""
                        insert into calendar_year (year, source, loaded_by, loaded_at) values (?1, ?2, ?3, ?4)
                        on conflict (year) do update
                        set source = excluded.source, loaded_by = excluded.loaded_by, loaded_at = excluded.loaded_at""")
                .setParameter(1, year)
                .setParameter(2, source)
                .setParameter(3, loadedBy)
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        outbox.record(new CalendarYearPublished(year, holidays(data), sorted(data.transferredDaysOff().stream()),
                sorted(data.transferredWorkingDays().stream()), source, now));
        audit.record("calendar-year-loaded", "calendar-year:" + year, source);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarYearView view(int year) {
        requireYear(year);
        WorkingCalendar calendar = calendars.current();
        Number stored = (Number) entityManager
                .createNativeQuery("select count(*) from calendar_year where year = ?1")
                .setParameter(1, year).getSingleResult();
        List<LocalDate> days = Stream.iterate(LocalDate.of(year, 1, 1), d -> d.getYear() == year, d -> d.plusDays(1))
                .toList();
        List<LocalDate> nonWorkingWeekdays = days.stream()
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && !calendar.isWorkingDay(d)).toList();
        long workingDays = days.stream().filter(calendar::isWorkingDay).count();
        return calendar.year(year)
                .map(data -> new CalendarYearView(year, true, stored.intValue() > 0, holidays(data),
                        sorted(data.transferredDaysOff().stream()), sorted(data.transferredWorkingDays().stream()),
                        nonWorkingWeekdays, workingDays))
                .orElseGet(() -> new CalendarYearView(year, false, false, List.of(), List.of(), List.of(),
                        nonWorkingWeekdays, workingDays));
    }

    private static CalendarYear parse(int year, String source) {
        requireYear(year);
        if (source == null || source.isBlank()) {
            throw ProblemException.invalidField("body", "empty", "The calendar file is empty");
        }
        try {
            return CalendarYear.parse(year, new StringReader(source));
        } catch (CalendarFormatException e) {
            throw ProblemException.invalidField("line " + e.line(), "calendar-line", e.getMessage());
        }
    }

    private static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalidField("year", "out-of-range",
                    "The year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ": " + year);
        }
    }

    private static List<Holiday> holidays(CalendarYear data) {
        return data.holidays().stream().map(h -> new Holiday(h.date(), h.carriesOver(), h.name())).toList();
    }

    private static List<LocalDate> sorted(Stream<LocalDate> days) {
        return days.sorted().toList();
    }
}
