package kz.appeals.appk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The dates the APPK sets for an appeal, on a given working calendar. {@code registrationDay} is the day the term
 * counts from: the Art. 64 registration day, or for a reopened appeal the registration day of the reopening.
 */
public final class DeadlinePolicy {

    private final Supplier<WorkingCalendar> calendar;

    public DeadlinePolicy(WorkingCalendar calendar) {
        Objects.requireNonNull(calendar, "calendar");
        this.calendar = () -> calendar;
    }

    /**
     * A policy on a calendar that can change while it is in use (an operator loads next year's data): every date is
     * computed on the calendar current at the call.
     */
    public DeadlinePolicy(Supplier<WorkingCalendar> calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public WorkingCalendar calendar() {
        return calendar.get();
    }

    /** Art. 76: the last day to decide, 15 working days after registration. */
    public LocalDate answerDue(LocalDate registrationDay) {
        return calendar().addWorkingDays(registrationDay, AppkTerms.ANSWER.workingDays());
    }

    /**
     * Art. 64 applied to a redirect (Art. 76): the body an appeal was redirected to at {@code redirectedAt} counts its
     * own term from the day it received it, never from before the citizen's registration day. One rule for every
     * service that shows the term, so that they agree with the escalation service's clock.
     */
    public LocalDate redirectedTermStart(LocalDate registrationDay, Instant redirectedAt) {
        LocalDate received = calendar().registrationDay(redirectedAt);
        return received.isAfter(registrationDay) ? received : registrationDay;
    }

    /** Art. 76: the last day to send an appeal outside the body's competence on to the competent body. */
    public LocalDate redirectDue(LocalDate registrationDay) {
        return calendar().addWorkingDays(registrationDay, AppkTerms.REDIRECT.workingDays());
    }

    /** Art. 76: the last day to tell the applicant of an extension decided on {@code decidedOn}. */
    public LocalDate extensionNoticeDue(LocalDate decidedOn) {
        return calendar().addWorkingDays(decidedOn, AppkTerms.EXTENSION_NOTICE.workingDays());
    }

    /**
     * Art. 76: no extension may end later than two months from receipt. A cap on a non-working day is not moved
     * forward (that would exceed the two months); {@link #checkExtension} then allows the working day before it.
     */
    public LocalDate extensionCap(LocalDate registrationDay) {
        return registrationDay.plus(AppkTerms.EXTENSION_CAP.length());
    }

    /**
     * The latest due date an extension may set: the cap when it is a working day, else the last working day before
     * it. What a head of the body picks when the work needs every day the law allows.
     */
    public LocalDate latestExtension(LocalDate registrationDay) {
        LocalDate day = extensionCap(registrationDay);
        while (!calendar().isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /**
     * Whether the term may be extended to {@code requested}: it must be later than the current due date, a working
     * day (every due date the platform sets is one, so that "the last day" is a day the office is open), and not
     * after the two-month cap.
     */
    public ExtensionDecision checkExtension(LocalDate registrationDay, LocalDate currentDueDate, LocalDate requested) {
        LocalDate cap = extensionCap(registrationDay);
        if (requested.isAfter(cap)) {
            return new ExtensionDecision.Rejected(ExtensionDecision.Reason.BEYOND_CAP,
                    "Requested " + requested + " is after " + cap + ", two months from registration on "
                            + registrationDay + " (" + AppkTerms.EXTENSION_CAP.citation() + ")");
        }
        if (!requested.isAfter(currentDueDate)) {
            return new ExtensionDecision.Rejected(ExtensionDecision.Reason.NOT_LATER_THAN_CURRENT_DUE_DATE,
                    "Requested " + requested + " does not extend the current due date " + currentDueDate);
        }
        if (!calendar().isWorkingDay(requested)) {
            return new ExtensionDecision.Rejected(ExtensionDecision.Reason.NOT_A_WORKING_DAY,
                    "Requested " + requested + " is not a working day");
        }
        return new ExtensionDecision.Allowed(requested);
    }

    /**
     * Art. 91(2): the body is deemed to have refused from the day the term expires, i.e. the due date itself; that
     * is certain only once the whole due date has passed in national time, so {@code today} must be later.
     */
    public boolean hasLapsed(LocalDate dueDate, LocalDate today) {
        return today.isAfter(dueDate);
    }
}
