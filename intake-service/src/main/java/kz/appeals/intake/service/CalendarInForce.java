package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.appk.CalendarYear;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.CalendarEvents.CalendarYearPublished;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The working-day calendar intake counts registration days with: the holidays law's rule and the years shipped in
 * {@code appk}, amended year by year by what operators load into the escalation service (published on
 * {@code appeals.calendar}), so both services count with the same days and next year's decree needs no release. A
 * year without either follows the rule alone (provisional, see {@code WorkingCalendar.isProvisional}).
 */
@ApplicationScoped
public class CalendarInForce {

    private static final Logger LOG = Logger.getLogger(CalendarInForce.class);

    private final AtomicReference<WorkingCalendar> current = new AtomicReference<>(WorkingCalendar.bundled());

    public WorkingCalendar current() {
        return current.get();
    }

    /** Replaces (or adds) the published year; the text is the same CSV the escalation service accepted. */
    public void apply(CalendarYearPublished published) {
        CalendarYear year = CalendarYear.parse(published.year(), new StringReader(published.source()));
        current.updateAndGet(calendar -> calendar.withYear(year));
        LOG.infof("Working calendar %d in force as published at %s", published.year(), published.occurredAt());
    }

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(this::current);
    }
}
