package kz.appeals.analytics.domain;

import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * When an answer stops being on time. The due date is the APPK's (15 working days after registration, on the
 * appk working calendar with its holidays and transferred days off); an answer is on time if given on or before
 * that date in national time.
 */
public final class AnswerTerm {

    private final DeadlinePolicy deadlines;

    public AnswerTerm(DeadlinePolicy deadlines) {
        this.deadlines = deadlines;
    }

    /** The first late instant for an appeal registered on {@code registrationDay}: midnight after its due date. */
    public Instant lateFrom(LocalDate registrationDay) {
        return deadlines.answerDue(registrationDay).plusDays(1).atStartOfDay(AppkTerms.NATIONAL_OFFSET).toInstant();
    }
}
