package kz.appeals.analytics.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;

/** Due dates from the appk module's bundled calendar: the same days the escalation service counts with. */
public class AnswerTermProducer {

    @Produces
    @Singleton
    AnswerTerm answerTerm() {
        return new AnswerTerm(new DeadlinePolicy(WorkingCalendar.bundled()));
    }
}
