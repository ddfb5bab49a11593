package kz.appeals.appk;

import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One year of the working calendar, exactly as its data file states it: what the government's decision and the
 * religious board decide for that year on top of the law's rule ({@link HolidayLaw}). Deriving the actual days off
 * (the rule's holidays, weekends, the carry-over of a holiday that falls on a weekend) is {@link WorkingCalendar}'s
 * job, so the file never holds a computed date.
 *
 * <p>File format: UTF-8 text, one entry a line, {@code #} starts a comment, blank lines are ignored.
 * <pre>
 * transfer,2025-05-02,day-off,Decree ...                 a weekday made a day off by the year's decree
 * transfer,2025-05-10,working-day,Decree ...             a Saturday or Sunday made a working day by the decree
 * kurban-ait,2026-05-27,Spiritual Administration ...     the first day of Kurban Ait as announced (no carry-over);
 *                                                        without this line it is computed, see HolidayLaw
 * not-a-holiday,2026-08-30,Law of ...                    a fixed-date holiday of the rule that is not a day off this
 *                                                        year (the law changed)
 * holiday,2025-03-08,carry-over,International Women's Day   a day off by law: public holiday, carried over from a
 *                                                            weekend to the next working day
 * holiday,2025-01-07,no-carry-over,Orthodox Christmas        a day off without carry-over (religious days)
 * </pre>
 * A {@code holiday} line adds a holiday the rule does not have, or restates one of the rule's (files written before the
 * rule existed list them all; they mean the same). The last field (a name, or the decision a line comes from) is free
 * text and may contain commas.
 */
public record CalendarYear(int year, List<Holiday> holidays, Set<LocalDate> transferredDaysOff,
                           Set<LocalDate> transferredWorkingDays, Optional<LocalDate> kurbanAit,
                           Set<LocalDate> notHolidays) {

    /**
     * How far an announced first day of Kurban Ait may lie from the computed one: moon sighting moves it by a day or
     * two; more is a typo.
     */
    static final int KURBAN_AIT_TOLERANCE_DAYS = 3;

    /** A holiday that is a day off. {@code carriesOver}: when it falls on a weekend, the next working day is off. */
    public record Holiday(LocalDate date, boolean carriesOver, String name) {
        public Holiday {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }
    }

    public CalendarYear {
        holidays = holidays.stream().sorted(Comparator.comparing(Holiday::date)).toList();
        transferredDaysOff = Set.copyOf(transferredDaysOff);
        transferredWorkingDays = Set.copyOf(transferredWorkingDays);
        Objects.requireNonNull(kurbanAit, "kurbanAit");
        notHolidays = Set.copyOf(notHolidays);
        Set<LocalDate> seen = new HashSet<>();
        for (Holiday holiday : holidays) {
            requireInYear(year, holiday.date());
            if (!seen.add(holiday.date())) {
                throw new IllegalArgumentException("Day listed twice: " + holiday.date());
            }
        }
        for (LocalDate day : transferredDaysOff) {
            requireInYear(year, day);
            requireTransferredDayOff(day);
            if (!seen.add(day)) {
                throw new IllegalArgumentException("Day listed twice: " + day);
            }
        }
        for (LocalDate day : transferredWorkingDays) {
            requireInYear(year, day);
            requireTransferredWorkingDay(day);
            if (!seen.add(day)) {
                throw new IllegalArgumentException("Day listed twice: " + day);
            }
        }
        for (LocalDate day : notHolidays) {
            requireInYear(year, day);
            if (!seen.add(day)) {
                throw new IllegalArgumentException("Day listed twice: " + day);
            }
        }
        if (kurbanAit.isPresent()) {
            requireInYear(year, kurbanAit.get());
            if (!seen.add(kurbanAit.get())) {
                throw new IllegalArgumentException("Day listed twice: " + kurbanAit.get());
            }
        }
    }

    /**
     * Reads a year's data file. A malformed line, a date outside the year, a transfer that moves the wrong kind of
     * day, a day listed twice, a second kurban-ait line or one far from the computed day, or a not-a-holiday line on
     * a day the law does not make a holiday fails the whole file, naming the line, so that a caller can keep the
     * calendar it had.
     *
     * @throws CalendarFormatException naming the first line that cannot be used
     */
    public static CalendarYear parse(int year, Reader source) {
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        Set<LocalDate> notHolidays = new HashSet<>();
        List<LocalDate> kurbanAit = new ArrayList<>(1);
        Lines read = new Lines(holidays, daysOff, workingDays, notHolidays, kurbanAit);
        Map<LocalDate, Integer> lineOfDay = new HashMap<>();
        DataLines.read(source, "the calendar for " + year, (number, content) -> {
            try {
                LocalDate day = readLine(year, content, read);
                Integer first = lineOfDay.putIfAbsent(day, number);
                if (first != null) {
                    throw new IllegalArgumentException(day + " is already listed on line " + first);
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new CalendarFormatException(year, number, e.getMessage(), e);
            }
        });
        return new CalendarYear(year, holidays, daysOff, workingDays, kurbanAit.stream().findFirst(), notHolidays);
    }

    /** What the lines read so far state. */
    private record Lines(List<Holiday> holidays, Set<LocalDate> daysOff, Set<LocalDate> workingDays,
                         Set<LocalDate> notHolidays, List<LocalDate> kurbanAit) {
    }

    /** Reads and checks one entry; returns its date. */
    private static LocalDate readLine(int year, String content, Lines lines) {
        String kind = content.split(",", 2)[0].strip();
        return switch (kind) {
            case "holiday", "transfer" -> readDayOffLine(year, content, lines);
            case "kurban-ait" -> {
                LocalDate date = readSourcedLine(year, content);
                if (!lines.kurbanAit().isEmpty()) {
                    throw new IllegalArgumentException("kurban-ait is already stated: " + lines.kurbanAit().get(0));
                }
                requireNearComputedKurbanAit(date);
                lines.kurbanAit().add(date);
                yield date;
            }
            case "not-a-holiday" -> {
                LocalDate date = readSourcedLine(year, content);
                if (!HolidayLaw.bundled().isFixedHoliday(date)) {
                    throw new IllegalArgumentException(date + " is not a fixed-date holiday of the law in " + year
                            + " (calendar/law.csv); for Kurban Ait use a kurban-ait line");
                }
                lines.notHolidays().add(date);
                yield date;
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind
                    + " (holiday, transfer, kurban-ait, not-a-holiday): " + content);
        };
    }

    /** {@code holiday,<date>,<carry>,<name>} or {@code transfer,<date>,<day-off|working-day>,<decision>}. */
    private static LocalDate readDayOffLine(int year, String content, Lines lines) {
        String[] fields = content.split(",", 4);
        if (fields.length < 4 || fields[3].isBlank()) {
            throw new IllegalArgumentException("expected <kind>,<date>,<flag>,<name>: " + content);
        }
        String kind = fields[0].strip();
        LocalDate date = LocalDate.parse(fields[1].strip());
        String flag = fields[2].strip();
        String name = fields[3].strip();
        requireInYear(year, date);
        switch (kind + "/" + flag) {
            case "holiday/carry-over" -> lines.holidays().add(new Holiday(date, true, name));
            case "holiday/no-carry-over" -> lines.holidays().add(new Holiday(date, false, name));
            case "transfer/day-off" -> {
                requireTransferredDayOff(date);
                lines.daysOff().add(date);
            }
            case "transfer/working-day" -> {
                requireTransferredWorkingDay(date);
                lines.workingDays().add(date);
            }
            default -> throw new IllegalArgumentException("unknown kind/flag " + kind + "/" + flag
                    + " (holiday: carry-over|no-carry-over; transfer: day-off|working-day)");
        }
        return date;
    }

    /** {@code <kind>,<date>,<source>}: the source (announcement, law) is required, free text. */
    private static LocalDate readSourcedLine(int year, String content) {
        String[] fields = content.split(",", 3);
        if (fields.length < 3 || fields[2].isBlank()) {
            throw new IllegalArgumentException("expected <kind>,<date>,<source>: " + content);
        }
        LocalDate date = LocalDate.parse(fields[1].strip());
        requireInYear(year, date);
        return date;
    }

    private static void requireNearComputedKurbanAit(LocalDate date) {
        List<LocalDate> computed = HolidayLaw.computedKurbanAit(date.getYear());
        boolean near = computed.isEmpty() || computed.stream()
                .anyMatch(day -> Math.abs(ChronoUnit.DAYS.between(day, date)) <= KURBAN_AIT_TOLERANCE_DAYS);
        if (!near) {
            throw new IllegalArgumentException("kurban-ait " + date + " is more than " + KURBAN_AIT_TOLERANCE_DAYS
                    + " days from 10 Dhu al-Hijjah by the Umm al-Qura calendar (" + computed + ")");
        }
    }

    private static void requireTransferredDayOff(LocalDate day) {
        if (isWeekend(day)) {
            throw new IllegalArgumentException("A transferred day off must be Monday to Friday: " + day);
        }
    }

    private static void requireTransferredWorkingDay(LocalDate day) {
        if (!isWeekend(day)) {
            throw new IllegalArgumentException("A transferred working day must be a Saturday or Sunday: " + day);
        }
    }

    static boolean isWeekend(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    private static void requireInYear(int year, LocalDate day) {
        if (day.getYear() != year) {
            throw new IllegalArgumentException(day + " is not in " + year);
        }
    }
}
