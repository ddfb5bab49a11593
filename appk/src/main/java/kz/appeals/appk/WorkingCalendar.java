package kz.appeals.appk;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which days are working days in Kazakhstan, built from per-year data ({@link CalendarYear}) because holidays and the
 * government's yearly transfers of days off are decided by law and decree, not by a weekday rule. Immutable and
 * thread-safe: a new year's data makes a new calendar.
 *
 * <p>A day is a working day unless it is a Saturday or Sunday, a holiday, the day off a weekend holiday carries over
 * to, or a transferred day off; a transferred working day (a Saturday made a working day) overrides all of these.
 * For a year without data the calendar knows only weekends, and says so through {@link #isCovered(int)}.
 */
public final class WorkingCalendar {

    private static final String BUNDLED_INDEX = "/calendar/index.txt";

    private final SortedMap<Integer, CalendarYear> years;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingWeekendDays;

    private WorkingCalendar(Collection<CalendarYear> years) {
        SortedMap<Integer, CalendarYear> covered = new TreeMap<>();
        List<CalendarYear.Holiday> holidays = new ArrayList<>();
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        for (CalendarYear year : years) {
            if (covered.putIfAbsent(year.year(), year) != null) {
                throw new IllegalArgumentException("Calendar data for " + year.year() + " given twice");
            }
            holidays.addAll(year.holidays());
            off.addAll(year.transferredDaysOff());
            working.addAll(year.transferredWorkingDays());
        }
        // All years at once, so that a late-December holiday carries over past the next year's New Year days.
        off.addAll(daysOffForHolidays(holidays));
        this.years = Collections.unmodifiableSortedMap(covered);
        this.daysOff = Set.copyOf(off);
        this.workingWeekendDays = Set.copyOf(working);
    }

    public static WorkingCalendar of(Collection<CalendarYear> years) {
        return new WorkingCalendar(years);
    }

    /**
     * The calendar shipped in this library: the years listed in {@code calendar/index.txt}, each read from
     * {@code calendar/kz-<year>.csv} on the classpath.
     */
    public static WorkingCalendar bundled() {
        List<CalendarYear> years = new ArrayList<>();
        for (String line : readResource(BUNDLED_INDEX).lines().toList()) {
            String entry = line.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int year = Integer.parseInt(entry);
            years.add(CalendarYear.parse(year, new StringReader(readResource("/calendar/kz-" + year + ".csv"))));
        }
        return new WorkingCalendar(years);
    }

    /**
     * This calendar with {@code year}'s data added, or replacing the data it had for that year (e.g. when an
     * operator loads the government's resolution for next year). This calendar is unchanged.
     */
    public WorkingCalendar withYear(CalendarYear year) {
        Map<Integer, CalendarYear> next = new TreeMap<>(years);
        next.put(year.year(), year);
        return new WorkingCalendar(next.values());
    }

    /** True when the year's holidays and transfers are loaded; otherwise only weekends are days off. */
    public boolean isCovered(int year) {
        return years.containsKey(year);
    }

    public SortedSet<Integer> coveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The data of a covered year, as loaded. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.contains(day)) {
            return true;
        }
        return !CalendarYear.isWeekend(day) && !daysOff.contains(day);
    }

    /** The first working day strictly after {@code day}. */
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * The {@code n}-th working day after {@code start}. A term counts from the day after the day it starts from:
     * day 1 is the first working day after {@code start} (the registration day itself never counts), so a 15-day
     * term registered on day R ends on {@code addWorkingDays(R, 15)}. {@code n = 0} returns {@code start}.
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("Working days to add must not be negative: " + n);
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; counted++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /**
     * Working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is before {@code from}
     * (e.g. the working days a term is overdue).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** APPK Art. 64 with the assumed working hours ({@link AppkTerms#ASSUMED_WORKING_HOURS}). */
    public LocalDate registrationDay(Instant receivedAt) {
        return registrationDay(receivedAt, AppkTerms.ASSUMED_WORKING_HOURS);
    }

    /**
     * APPK Art. 64: registered on the day of receipt; after working hours or on a non-working day, on the next
     * working day. The day and time are read in the working hours' offset (national time).
     */
    public LocalDate registrationDay(Instant receivedAt, WorkingHours hours) {
        OffsetDateTime local = receivedAt.atOffset(hours.offset());
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day) && !hours.isAfterClosing(local.toLocalTime())) {
            return day;
        }
        return nextWorkingDay(day);
    }

    /**
     * The holidays themselves plus, for each public holiday on a Saturday or Sunday, the next working day, to which
     * the day off moves. Walking the holidays in date order and skipping days already off gives consecutive weekend
     * holidays (Nauryz, 21–23 March) distinct replacement days. Transfers are deliberately left out: the year's
     * decree is written with the carry-overs already known, and is applied on top of them.
     */
    private static Set<LocalDate> daysOffForHolidays(List<CalendarYear.Holiday> holidays) {
        Set<LocalDate> off = new HashSet<>();
        holidays.forEach(holiday -> off.add(holiday.date()));
        holidays.stream()
                .filter(holiday -> holiday.carriesOver() && CalendarYear.isWeekend(holiday.date()))
                .sorted(Comparator.comparing(CalendarYear.Holiday::date))
                .forEach(holiday -> {
                    LocalDate replacement = holiday.date().plusDays(1);
                    while (CalendarYear.isWeekend(replacement) || off.contains(replacement)) {
                        replacement = replacement.plusDays(1);
                    }
                    off.add(replacement);
                });
        return off;
    }

    private static String readResource(String path) {
        try (InputStream in = WorkingCalendar.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Calendar resource missing from the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
