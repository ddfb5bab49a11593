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
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a year of the working calendar (next year's government decision: transfers, the day of Kurban Ait, changes
 * of the holidays law) without a release. A file that cannot be used is refused naming its line, and nothing changes:
 * the year's row, the calendar in force and the topic. A usable one replaces the year's data in the table and is
 * published on appeals.calendar in the same transaction, for the other services that count working days.
 */
@ApplicationScoped
public class CalendarAdmin {

    /** Years an operator may load: wide enough for any decree, narrow enough to catch a typo. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2200;

    /**
     * A year as the calendar in force sees it.
     *
     * @param basis              where its days come from: {@code bundled} (data shipped in appk), {@code loaded}
     *                           (through this API) or {@code rule} (the holidays law alone)
     * @param provisional        true when the basis is the rule: no decree's transfers known, Kurban Ait computed, so
     *                           due dates in the year may still move when its data is loaded
     * @param holidays           the year's days off by law: the rule as amended by the year's data
     * @param nonWorkingWeekdays Monday-to-Friday days off: holidays, carry-overs and transferred days off
     * @param workingDays        working days in the year
     */
    public record CalendarYearView(int year, String basis, boolean provisional, List<Holiday> holidays,
                                   List<LocalDate> transferredDaysOff, List<LocalDate> transferredWorkingDays,
                                   List<LocalDate> nonWorkingWeekdays, long workingDays) {
    }

    /**
     * What loading a year changed against the calendar in force before, so that the administrator sees it: the days
     * that became days off and those that became working days (from 1 January to the end of the next January, where
     * a late-December carry-over lands).
     */
    public record YearChanges(String previousBasis, List<LocalDate> becameDaysOff, List<LocalDate> becameWorkingDays) {
    }

    /** The answer to a load: the changes, the running deadlines recalculated, and the year as now in force. */
    public record YearLoaded(YearChanges changes, int recalculatedDeadlines, CalendarYearView inForce) {
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

    /** Stores and publishes the year; returns what it changes against the calendar in force until now. */
    @Transactional
    public YearChanges load(int year, String source, String loadedBy) {
        CalendarYear data = parse(year, source);
        calendars.reload();
        WorkingCalendar before = calendars.current();
        WorkingCalendar after = before.withYear(data);
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
        outbox.record(new CalendarYearPublished(year, holidays(after, year), sorted(data.transferredDaysOff().stream()),
                sorted(data.transferredWorkingDays().stream()), source, now));
        audit.record("calendar-year-loaded", "calendar-year:" + year, source);
        WorkingCalendar.DayChanges changes = after.changesFrom(before, year);
        return new YearChanges(basis(before, year), changes.becameDaysOff(), changes.becameWorkingDays());
    }

    public CalendarYearView view(int year) {
        requireYear(year);
        WorkingCalendar calendar = calendars.current();
        List<LocalDate> days = Stream.iterate(LocalDate.of(year, 1, 1), d -> d.getYear() == year, d -> d.plusDays(1))
                .toList();
        List<LocalDate> nonWorkingWeekdays = days.stream()
                .filter(d -> d.getDayOfWeek().getValue() <= 5 && !calendar.isWorkingDay(d)).toList();
        long workingDays = days.stream().filter(calendar::isWorkingDay).count();
        Optional<CalendarYear> data = calendar.year(year);
        return new CalendarYearView(year, basis(calendar, year), calendar.isProvisional(year), holidays(calendar, year),
                data.map(d -> sorted(d.transferredDaysOff().stream())).orElse(List.of()),
                data.map(d -> sorted(d.transferredWorkingDays().stream())).orElse(List.of()),
                nonWorkingWeekdays, workingDays);
    }

    /** As the API spells it: bundled, loaded or rule. */
    public static String basis(WorkingCalendar calendar, int year) {
        return calendar.basis(year).name().toLowerCase(Locale.ROOT);
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

    private static List<Holiday> holidays(WorkingCalendar calendar, int year) {
        return calendar.holidays(year).stream().map(h -> new Holiday(h.date(), h.carriesOver(), h.name())).toList();
    }

    private static List<LocalDate> sorted(Stream<LocalDate> days) {
        return days.sorted().toList();
    }
}
