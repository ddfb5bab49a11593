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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which days are working days in Kazakhstan: the law's holidays ({@link HolidayLaw}) amended, year by year, by what
 * only a government decision or the religious board decides ({@link CalendarYear}: transfers of days off, the day of
 * Kurban Ait, changes of the law for that year). Immutable and thread-safe: a new year's data makes a new calendar
 * (the days off of each year are computed once, when first asked for).
 *
 * <p>A day is a working day unless it is a Saturday or Sunday, a holiday, the day off a weekend public holiday carries
 * over to, or a transferred day off; a transferred working day (a Saturday made a working day) overrides all of these.
 * A year without data follows the rule alone and is {@linkplain #isProvisional provisional}: the decree's transfers
 * are missing and Kurban Ait is computed, so its due dates may still move when the year's data is loaded.
 */
public final class WorkingCalendar {

    /** Where a year's days come from. */
    public enum Basis {
        /** The law's rule plus a data file shipped in this library. */
        BUNDLED,
        /** The law's rule plus data loaded at run time (an operator's upload, a published year). */
        LOADED,
        /** The law's rule alone: no transfers known, Kurban Ait computed. Provisional. */
        RULE
    }

    /** What a change of calendar did to the days of a year, as an administrator loading the year wants to see it. */
    public record DayChanges(List<LocalDate> becameDaysOff, List<LocalDate> becameWorkingDays) {
        public DayChanges {
            becameDaysOff = List.copyOf(becameDaysOff);
            becameWorkingDays = List.copyOf(becameWorkingDays);
        }
    }

    private static final String BUNDLED_INDEX = "/calendar/index.txt";

    /** A year's days: those off on weekdays and the weekend days worked, with the holidays they come from. */
    private record YearDays(List<CalendarYear.Holiday> holidays, Set<LocalDate> daysOff,
                            Set<LocalDate> workingWeekendDays) {
    }

    private static final class Bundled {
        private static final WorkingCalendar CALENDAR = read();

        private static WorkingCalendar read() {
            SortedMap<Integer, CalendarYear> years = new TreeMap<>();
            for (String line : readResource(BUNDLED_INDEX).lines().toList()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                int year = Integer.parseInt(entry);
                String file = readResource("/calendar/kz-" + year + ".csv");
                years.put(year, CalendarYear.parse(year, new StringReader(file)));
            }
            Map<Integer, Basis> basis = new HashMap<>();
            years.keySet().forEach(year -> basis.put(year, Basis.BUNDLED));
            return new WorkingCalendar(HolidayLaw.bundled(), years, basis);
        }
    }

    private final HolidayLaw law;
    private final SortedMap<Integer, CalendarYear> years;
    private final Map<Integer, Basis> basis;
    private final ConcurrentMap<Integer, YearDays> days = new ConcurrentHashMap<>();

    private WorkingCalendar(HolidayLaw law, SortedMap<Integer, CalendarYear> years, Map<Integer, Basis> basis) {
        this.law = law;
        this.years = Collections.unmodifiableSortedMap(years);
        this.basis = Map.copyOf(basis);
    }

    /** The law's rule with the given years' data, taken as loaded. */
    public static WorkingCalendar of(Collection<CalendarYear> years) {
        WorkingCalendar calendar = new WorkingCalendar(HolidayLaw.bundled(), new TreeMap<>(), Map.of());
        for (CalendarYear year : years) {
            if (calendar.years.containsKey(year.year())) {
                throw new IllegalArgumentException("Calendar data for " + year.year() + " given twice");
            }
            calendar = calendar.withYear(year);
        }
        return calendar;
    }

    /**
     * The calendar shipped in this library: the law's rule ({@code calendar/law.csv}) with the years listed in
     * {@code calendar/index.txt}, each read from {@code calendar/kz-<year>.csv} on the classpath.
     */
    public static WorkingCalendar bundled() {
        return Bundled.CALENDAR;
    }

    /**
     * This calendar with {@code year}'s data added, or replacing the data it had for that year (e.g. when an
     * operator loads the government's resolution for next year). This calendar is unchanged.
     */
    public WorkingCalendar withYear(CalendarYear year) {
        SortedMap<Integer, CalendarYear> nextYears = new TreeMap<>(years);
        nextYears.put(year.year(), year);
        Map<Integer, Basis> nextBasis = new HashMap<>(basis);
        nextBasis.put(year.year(), Basis.LOADED);
        return new WorkingCalendar(law, nextYears, nextBasis);
    }

    public Basis basis(int year) {
        return basis.getOrDefault(year, Basis.RULE);
    }

    /** True for a year computed from the law's rule alone (no data shipped or loaded): see {@link Basis#RULE}. */
    public boolean isProvisional(int year) {
        return basis(year) == Basis.RULE;
    }

    /** The years with data, shipped or loaded; every other year is provisional. */
    public SortedSet<Integer> yearsWithData() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The data of a year, as shipped or loaded. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /**
     * The year's holidays in date order: the law's rule, without the days the year's data says are not holidays this
     * year, with Kurban Ait on the announced day if stated, and with the holidays the data lists (which replace a
     * rule holiday of the same date).
     */
    public List<CalendarYear.Holiday> holidays(int year) {
        return daysOf(year).holidays();
    }

    public boolean isWorkingDay(LocalDate day) {
        YearDays year = daysOf(day.getYear());
        if (year.workingWeekendDays().contains(day)) {
            return true;
        }
        return !CalendarYear.isWeekend(day) && !year.daysOff().contains(day);
    }

    /**
     * The days whose status differs between {@code before} and this calendar, from 1 January of {@code year} to the
     * end of the next January (a late-December holiday's carry-over lands there), in date order.
     */
    public DayChanges changesFrom(WorkingCalendar before, int year) {
        List<LocalDate> becameDaysOff = new ArrayList<>();
        List<LocalDate> becameWorkingDays = new ArrayList<>();
        LocalDate end = LocalDate.of(year + 1, 1, 31);
        for (LocalDate day = LocalDate.of(year, 1, 1); !day.isAfter(end); day = day.plusDays(1)) {
            boolean working = isWorkingDay(day);
            if (working != before.isWorkingDay(day)) {
                (working ? becameWorkingDays : becameDaysOff).add(day);
            }
        }
        return new DayChanges(becameDaysOff, becameWorkingDays);
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

    private YearDays daysOf(int year) {
        return days.computeIfAbsent(year, this::computeDays);
    }

    /**
     * The year's holidays, the carry-overs into it and its transfers. Carry-overs are computed over the previous
     * year's holidays too, so that a late-December holiday carries over past the New Year days.
     */
    private YearDays computeDays(int year) {
        List<CalendarYear.Holiday> holidays = holidaysOf(year);
        List<CalendarYear.Holiday> withPreviousYear = new ArrayList<>(holidaysOf(year - 1));
        withPreviousYear.addAll(holidays);
        Set<LocalDate> off = new HashSet<>();
        daysOffForHolidays(withPreviousYear).stream().filter(day -> day.getYear() == year).forEach(off::add);
        Optional<CalendarYear> data = year(year);
        data.ifPresent(d -> off.addAll(d.transferredDaysOff()));
        return new YearDays(holidays, Set.copyOf(off),
                data.map(CalendarYear::transferredWorkingDays).orElse(Set.of()));
    }

    private List<CalendarYear.Holiday> holidaysOf(int year) {
        Optional<CalendarYear> data = year(year);
        SortedMap<LocalDate, CalendarYear.Holiday> byDate = new TreeMap<>();
        law.holidays(year, data.flatMap(CalendarYear::kurbanAit)).forEach(h -> byDate.put(h.date(), h));
        data.ifPresent(d -> {
            d.notHolidays().forEach(byDate::remove);
            d.holidays().forEach(h -> byDate.put(h.date(), h));
        });
        return List.copyOf(byDate.values());
    }

    /**
     * The holidays themselves plus, for each public holiday on a Saturday or Sunday, the next working day, to which
     * the day off moves (the holidays law, Art. 5; Labour Code Art. 85). Walking the holidays in date order and
     * skipping days already off gives consecutive weekend holidays (Nauryz, 21–23 March) distinct replacement days.
     * Transfers are deliberately left out: the year's decree is written with the carry-overs already known, and is
     * applied on top of them.
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
