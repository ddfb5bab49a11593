package kz.appeals.appk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One year of the working calendar, exactly as its data file states it: the holidays that are days off and the
 * transfers of the year's decree. Deriving the actual days off (weekends, the carry-over of a holiday that falls on a
 * weekend) is {@link WorkingCalendar}'s job, so the file never holds a computed date.
 *
 * <p>File format: UTF-8 text, one entry a line, {@code #} starts a comment, blank lines are ignored.
 * <pre>
 * holiday,2025-03-08,carry-over,International Women's Day      public holiday; on a Saturday or Sunday the day off
 *                                                               moves to the next working day
 * holiday,2025-01-07,no-carry-over,Orthodox Christmas          day off without carry-over (religious holidays)
 * transfer,2025-05-02,day-off,Decree ...                       a weekday made a day off by the year's decree
 * transfer,2025-05-10,working-day,Decree ...                   a Saturday or Sunday made a working day by the decree
 * </pre>
 * The fourth field (a name, or the decree a transfer comes from) is free text and may contain commas.
 */
public record CalendarYear(int year, List<Holiday> holidays, Set<LocalDate> transferredDaysOff,
                           Set<LocalDate> transferredWorkingDays) {

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
    }

    /**
     * Reads a year's data file. A malformed line, a date outside the year, a transfer that moves the wrong kind of
     * day, or a day listed twice fails the whole file, naming the line, so that a caller can keep the calendar it
     * had.
     *
     * @throws CalendarFormatException naming the first line that cannot be used
     */
    public static CalendarYear parse(int year, Reader source) {
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> daysOff = new HashSet<>();
        Set<LocalDate> workingDays = new HashSet<>();
        Map<LocalDate, Integer> lineOfDay = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(source)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                try {
                    LocalDate day = readLine(year, content, holidays, daysOff, workingDays);
                    Integer first = lineOfDay.putIfAbsent(day, number);
                    if (first != null) {
                        throw new IllegalArgumentException(day + " is already listed on line " + first);
                    }
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new CalendarFormatException(year, number, e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the calendar for " + year, e);
        }
        return new CalendarYear(year, holidays, daysOff, workingDays);
    }

    /** Reads and checks one entry; returns its date. */
    private static LocalDate readLine(int year, String content, List<Holiday> holidays, Set<LocalDate> daysOff,
                                      Set<LocalDate> workingDays) {
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
            case "holiday/carry-over" -> holidays.add(new Holiday(date, true, name));
            case "holiday/no-carry-over" -> holidays.add(new Holiday(date, false, name));
            case "transfer/day-off" -> {
                requireTransferredDayOff(date);
                daysOff.add(date);
            }
            case "transfer/working-day" -> {
                requireTransferredWorkingDay(date);
                workingDays.add(date);
            }
            default -> throw new IllegalArgumentException("unknown kind/flag " + kind + "/" + flag
                    + " (holiday: carry-over|no-carry-over; transfer: day-off|working-day)");
        }
        return date;
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
