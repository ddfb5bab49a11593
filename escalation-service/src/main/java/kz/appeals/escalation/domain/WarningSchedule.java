package kz.appeals.escalation.domain;

import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.WarningThreshold;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * When a running term warns the office and its head: at fractions of the term (by default half and three quarters)
 * and a number of working days before the due date (by default one). Not law but service practice, so it is
 * configuration, not an APPK term.
 *
 * @param halfTerm          fraction of the term's working days at which {@code HALF_TERM} is due
 * @param threeQuartersTerm fraction for {@code THREE_QUARTERS_TERM}
 * @param workingDaysBefore working days left when {@code ONE_WORKING_DAY_LEFT} is due
 * @param enabled           the thresholds that warn at all
 */
public record WarningSchedule(double halfTerm, double threeQuartersTerm, int workingDaysBefore,
                              Set<WarningThreshold> enabled) {

    /** A warning and the working day from which it is due. */
    public record Warning(WarningThreshold threshold, LocalDate day) {
    }

    public WarningSchedule {
        requireFraction(halfTerm, "halfTerm");
        requireFraction(threeQuartersTerm, "threeQuartersTerm");
        if (workingDaysBefore < 1) {
            throw new IllegalArgumentException("workingDaysBefore must be at least 1: " + workingDaysBefore);
        }
        enabled = Set.copyOf(enabled);
    }

    /**
     * The warnings of a term that starts on {@code termStart} (day 0) and ends on {@code dueDate}, in the order they
     * fall due. A point of the term is the first working day by which that share of its working days has passed;
     * a warning that would fall on day 0 or on the due date itself is dropped (it would warn of nothing).
     */
    public List<Warning> warnings(LocalDate termStart, LocalDate dueDate, WorkingCalendar calendar) {
        int term = calendar.workingDaysBetween(termStart, dueDate);
        List<Warning> warnings = new ArrayList<>();
        add(warnings, WarningThreshold.HALF_TERM, (int) Math.ceil(term * halfTerm), term, termStart, calendar);
        add(warnings, WarningThreshold.THREE_QUARTERS_TERM, (int) Math.ceil(term * threeQuartersTerm), term,
                termStart, calendar);
        add(warnings, WarningThreshold.ONE_WORKING_DAY_LEFT, term - workingDaysBefore, term, termStart, calendar);
        warnings.sort(Comparator.comparing(Warning::day));
        return warnings;
    }

    private void add(List<Warning> warnings, WarningThreshold threshold, int workingDay, int term,
                     LocalDate termStart, WorkingCalendar calendar) {
        if (enabled.contains(threshold) && workingDay >= 1 && workingDay < term) {
            warnings.add(new Warning(threshold, calendar.addWorkingDays(termStart, workingDay)));
        }
    }

    private static void requireFraction(double value, String name) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1 exclusive: " + value);
        }
    }
}
