package kz.appeals.analytics.domain;

import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When an answer stops being on time, and how many working days it took. The due date is the APPK's (15 working
 * days after the term starts, on the appk working calendar with its holidays and transferred days off); an answer
 * is on time if given on or before that date in national time.
 */
public final class AnswerTerm {

    private final DeadlinePolicy deadlines;

    public AnswerTerm(DeadlinePolicy deadlines) {
        this.deadlines = deadlines;
    }

    /** The first late instant for a term that started on {@code termStartDay}: midnight after its due date. */
    public Instant lateFrom(LocalDate termStartDay) {
        return deadlines.answerDue(termStartDay).plusDays(1).atStartOfDay(AppkTerms.NATIONAL_OFFSET).toInstant();
    }

    /** The day a body's term starts when it receives an appeal at {@code receivedAt} (APPK Art. 64). */
    public LocalDate termStartOf(Instant receivedAt) {
        return deadlines.calendar().registrationDay(receivedAt);
    }

    public boolean isWorkingDay(LocalDate day) {
        return deadlines.calendar().isWorkingDay(day);
    }
}
