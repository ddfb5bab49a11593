package kz.appeals.escalation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.escalation.domain.EscalationLadder;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Year;

/** The law as code (appk) and the clock, as beans, so that services receive them by constructor. */
@ApplicationScoped
public class LawBeans {

    private static final Logger LOG = Logger.getLogger(LawBeans.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    WorkingCalendar workingCalendar(Clock clock) {
        WorkingCalendar calendar = WorkingCalendar.bundled();
        int thisYear = Year.now(clock).getValue();
        for (int year = thisYear; year <= thisYear + 1; year++) {
            if (!calendar.isCovered(year)) {
                LOG.warnf("No working calendar data for %d: its holidays are unknown and only weekends count as "
                        + "days off, so due dates in %d may be too early", year, year);
            }
        }
        return calendar;
    }

    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(WorkingCalendar calendar) {
        return new DeadlinePolicy(calendar);
    }

    @Produces
    @Singleton
    EscalationLadder escalationLadder() {
        return new EscalationLadder();
    }
}
