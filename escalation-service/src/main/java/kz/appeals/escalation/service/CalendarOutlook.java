package kz.appeals.escalation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import kz.appeals.appk.AppkTerms;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Whether the calendar in force is provisional for the years terms now count through (this one and the next): such a
 * year follows the holidays law alone, without its decree's transfers and with Kurban Ait computed, so its due dates
 * may move once its data is loaded. Told to operators by the startup log, the readiness check
 * {@code working-calendar} and the gauge {@code appeals_calendar_days_until_provisional_year}, which an alert watches.
 */
@ApplicationScoped
public class CalendarOutlook {

    private static final Logger LOG = Logger.getLogger(CalendarOutlook.class);

    private final CalendarRegistry calendars;
    private final Clock clock;

    public CalendarOutlook(CalendarRegistry calendars, Clock clock, MeterRegistry registry) {
        this.calendars = calendars;
        this.clock = clock;
        Gauge.builder("appeals.calendar.days.until.provisional.year", this, CalendarOutlook::daysUntilProvisionalYear)
                .description("Days until the first year without loaded or shipped calendar data starts (0 when this "
                        + "year is one): its days come from the holidays law alone")
                .register(registry);
    }

    /** Today in national time, where every day of a term is counted. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(AppkTerms.NATIONAL_OFFSET));
    }

    /** This year and the next, the years a term started today can count through. */
    public List<Integer> yearsAhead() {
        int thisYear = today().getYear();
        return List.of(thisYear, thisYear + 1);
    }

    /** Those of {@link #yearsAhead()} that are provisional. */
    public List<Integer> provisionalYearsAhead() {
        return yearsAhead().stream().filter(calendars.current()::isProvisional).toList();
    }

    /**
     * Days from today to 1 January of the first provisional year from this one on, 0 when this year is provisional.
     * Years without data are provisional, so there always is one.
     */
    public long daysUntilProvisionalYear() {
        LocalDate today = today();
        int first = IntStream.iterate(today.getYear(), year -> year + 1)
                .filter(calendars.current()::isProvisional).findFirst().orElseThrow();
        return Math.max(0, ChronoUnit.DAYS.between(today, LocalDate.of(first, 1, 1)));
    }

    /** After {@link CalendarRegistry} has read the stored years. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent start) {
        for (int year : provisionalYearsAhead()) {
            LOG.warnf("Working calendar %d is provisional: no data loaded, so it follows the holidays law alone "
                    + "(no transfers of days off, Kurban Ait computed) and due dates in %d may still move; load "
                    + "the year's decree with PUT /api/v1/calendar/%d", year, year, year);
        }
    }
}
