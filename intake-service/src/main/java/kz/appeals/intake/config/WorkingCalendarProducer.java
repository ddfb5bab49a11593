package kz.appeals.intake.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kz.appeals.appk.WorkingCalendar;

/** The working-day calendar of the appk module: the same data the escalation service counts deadlines with. */
public class WorkingCalendarProducer {

    @Produces
    @ApplicationScoped
    WorkingCalendar calendar() {
        return WorkingCalendar.bundled();
    }
}
