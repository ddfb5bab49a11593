package kz.appeals.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The working calendar as data, for every service that counts working days (intake's registration day). */
public final class CalendarEvents {

    /** A holiday that is a day off. {@code carriesOver}: when it falls on a weekend, the next working day is off. */
    public record Holiday(LocalDate date, boolean carriesOver, String name) {
    }

    /**
     * One year of Kazakhstan's working calendar as an operator loaded it (the year's holidays — the holidays law's
     * rule as amended by the year's data — and the year's transfers of days off), keyed by the year on a compacted
     * topic: the latest record per year is the truth and replaces whatever the reader had for that year, shipped data
     * included. {@code source} is the year's file; appk readers parse it and apply it on top of the law's rule.
     */
    public record CalendarYearPublished(int year, List<Holiday> holidays, List<LocalDate> transferredDaysOff,
                                        List<LocalDate> transferredWorkingDays, String source, Instant occurredAt)
            implements ContractEvent {
        @Override
        public String subject() {
            return Integer.toString(year);
        }
    }

    private CalendarEvents() {
    }
}
