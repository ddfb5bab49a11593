package kz.appeals.intake.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;

/** The working-day calendar and deadline rules of the appk module: the same the escalation service counts with. */
public class WorkingCalendarProducer {

    @Produces
    @Singleton
    WorkingCalendar calendar() {
        return WorkingCalendar.bundled();
    }

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(WorkingCalendar calendar) {
        return new DeadlinePolicy(calendar);
    }
}
