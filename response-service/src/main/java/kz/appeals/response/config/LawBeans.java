package kz.appeals.response.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.platform.calendar.CalendarInForce;

/** The law as code (appk) as a bean, counting with the calendar escalation publishes. */
@ApplicationScoped
public class LawBeans {

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(CalendarInForce calendar) {
        return calendar.deadlinePolicy();
    }
}
