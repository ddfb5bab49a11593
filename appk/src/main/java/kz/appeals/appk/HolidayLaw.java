package kz.appeals.appk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The holidays of the Law "On holidays in the Republic of Kazakhstan" (No. 267-II of 13 December 2001) as a rule over
 * the years, read from {@code calendar/law.csv} (its header documents the format and cites the sources): which days
 * are days off in a year for which no government decision has been loaded. Public holidays carry over to the next
 * working day when they fall on a weekend (the law's Art. 5; Labour Code Art. 85); the religious days (Orthodox
 * Christmas, the first day of Kurban Ait) do not. {@link WorkingCalendar} applies the carry-over.
 */
public final class HolidayLaw {

    private static final String BUNDLED = "/calendar/law.csv";
    private static final String KURBAN_AIT = "kurban-ait";
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    /** Kurban Ait begins on 10 Dhu al-Hijjah, the twelfth month of the Hijri year. */
    private static final int DHU_AL_HIJJAH = 12;
    private static final int KURBAN_AIT_DAY = 10;

    /** One line of the law file; {@code day} is empty for Kurban Ait, whose date changes every year. */
    private record Rule(Optional<MonthDay> day, boolean carriesOver, int from, int until, String name) {
        boolean appliesIn(int year) {
            return from <= year && year <= until && day.map(d -> d.isValidYear(year)).orElse(true);
        }
    }

    private static final class Bundled {
        private static final HolidayLaw LAW = read();

        private static HolidayLaw read() {
            try (InputStream in = HolidayLaw.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("Calendar resource missing from the classpath: " + BUNDLED);
                }
                return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + BUNDLED, e);
            }
        }
    }

    private final List<Rule> rules;

    private HolidayLaw(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rule shipped in this library ({@code calendar/law.csv}). */
    public static HolidayLaw bundled() {
        return Bundled.LAW;
    }

    /**
     * Reads a law file.
     *
     * @throws IllegalArgumentException naming the first line that cannot be used
     */
    static HolidayLaw parse(Reader source) {
        List<Rule> rules = new ArrayList<>();
        DataLines.read(source, "the holiday law", (number, content) -> {
            try {
                rules.add(readRule(content));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("Holiday law, line " + number + ": " + e.getMessage(), e);
            }
        });
        return new HolidayLaw(rules);
    }

    private static Rule readRule(String content) {
        String[] fields = content.split(",", 5);
        if (fields.length < 5 || fields[4].isBlank()) {
            throw new IllegalArgumentException("expected <month-day>,<carry>,<from>,<until>,<name>: " + content);
        }
        String day = fields[0].strip();
        Optional<MonthDay> monthDay = day.equals(KURBAN_AIT) ? Optional.empty()
                : Optional.of(MonthDay.parse(day, MONTH_DAY));
        boolean carriesOver = switch (fields[1].strip()) {
            case "carry-over" -> true;
            case "no-carry-over" -> false;
            default -> throw new IllegalArgumentException("carry must be carry-over or no-carry-over: " + content);
        };
        int from = year(fields[2], Integer.MIN_VALUE);
        int until = year(fields[3], Integer.MAX_VALUE);
        if (from > until) {
            throw new IllegalArgumentException("from is after until: " + content);
        }
        return new Rule(monthDay, carriesOver, from, until, fields[4].strip());
    }

    private static int year(String field, int whenEmpty) {
        String value = field.strip();
        return value.isEmpty() ? whenEmpty : Integer.parseInt(value);
    }

    /**
     * The law's holidays in {@code year}, in date order. Kurban Ait falls on {@code kurbanAit} when the year's data
     * states it, otherwise on the {@linkplain #computedKurbanAit computed} day(s).
     */
    public List<CalendarYear.Holiday> holidays(int year, Optional<LocalDate> kurbanAit) {
        List<CalendarYear.Holiday> holidays = new ArrayList<>();
        for (Rule rule : rules) {
            if (!rule.appliesIn(year)) {
                continue;
            }
            List<LocalDate> dates = rule.day().map(d -> List.of(d.atYear(year)))
                    .orElseGet(() -> kurbanAit.map(List::of).orElseGet(() -> computedKurbanAit(year)));
            dates.forEach(date -> holidays.add(new CalendarYear.Holiday(date, rule.carriesOver(), rule.name())));
        }
        holidays.sort(Comparator.comparing(CalendarYear.Holiday::date));
        return holidays;
    }

    /** Whether {@code day} is a fixed-date holiday of the law in its year: what a not-a-holiday line may remove. */
    public boolean isFixedHoliday(LocalDate day) {
        return rules.stream().anyMatch(rule -> rule.appliesIn(day.getYear())
                && rule.day().map(d -> d.atYear(day.getYear()).equals(day)).orElse(false));
    }

    /**
     * The first day of Kurban Ait in {@code year} by the Umm al-Qura calendar ({@link HijrahChronology}): 10 Dhu
     * al-Hijjah. Only provisional: the day is fixed each year by the Spiritual Administration of Muslims of
     * Kazakhstan, which may differ from Umm al-Qura by a day or so (moon sighting), so the year's file states it with a
     * {@code kurban-ait} line once announced. The Hijri year is about eleven days shorter than the Gregorian one, so a
     * year holds one such day, or two (early January and late December). Empty outside the range Java's Umm al-Qura
     * table covers (Hijri 1300–1600, about 1882–2174).
     */
    public static List<LocalDate> computedKurbanAit(int year) {
        List<LocalDate> days = new ArrayList<>();
        try {
            int hijriYear = HijrahDate.from(LocalDate.of(year, 1, 1)).get(ChronoField.YEAR);
            for (int candidate = hijriYear; candidate <= hijriYear + 1; candidate++) {
                HijrahDate tenthOfDhuAlHijjah = HijrahChronology.INSTANCE.date(candidate, DHU_AL_HIJJAH, KURBAN_AIT_DAY);
                LocalDate day = LocalDate.from(tenthOfDhuAlHijjah);
                if (day.getYear() == year) {
                    days.add(day);
                }
            }
        } catch (DateTimeException outsideTheTable) {
            return List.of();
        }
        return days;
    }
}
