package kz.appeals.response.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;

/** The law as code (appk) as a bean, so that services receive the deadline rules by constructor. */
@ApplicationScoped
public class LawBeans {

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy() {
        return new DeadlinePolicy(WorkingCalendar.bundled());
    }
}
