package kz.appeals.analytics.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.platform.calendar.CalendarInForce;

/** Due dates counted with the calendar escalation publishes: the same days escalation counts with. */
public class AnswerTermProducer {

    @Produces
    @Singleton
    AnswerTerm answerTerm(CalendarInForce calendar) {
        return new AnswerTerm(calendar.deadlinePolicy());
    }
}
