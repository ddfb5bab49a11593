package kz.appeals.escalation.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.EscalationLadder;
import kz.appeals.escalation.domain.WarningSchedule;
import kz.appeals.escalation.service.CalendarRegistry;

import java.time.Clock;
import java.util.Map;

/** The law as code (appk), the clock's rules and the clock, as beans, so that services receive them by constructor. */
@ApplicationScoped
public class LawBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Every date is computed on the calendar current at the call: an operator may load a year at any time. */
    @Produces
    @Singleton
    DeadlinePolicy deadlinePolicy(CalendarRegistry calendars) {
        return new DeadlinePolicy(calendars::current);
    }

    @Produces
    @Singleton
    ClockRules clockRules(DeadlinePolicy policy, EscalationConfig config) {
        EscalationConfig.Warnings warnings = config.warnings();
        EscalationConfig.Ladder ladder = config.ladder();
        int answer = AppkTerms.ANSWER.workingDays();
        return new ClockRules(policy,
                new WarningSchedule(warnings.halfTerm(), warnings.threeQuartersTerm(), warnings.workingDaysBefore(),
                        warnings.thresholds()),
                new EscalationLadder(Map.of(
                        BodyLevel.DISTRICT_AKIMAT, ladder.districtAkimatTerm().orElse(answer),
                        BodyLevel.REGION_AKIMAT, ladder.regionAkimatTerm().orElse(answer),
                        BodyLevel.PRESIDENTIAL_ADMINISTRATION, ladder.presidentialAdministrationTerm().orElse(answer))));
    }
}
