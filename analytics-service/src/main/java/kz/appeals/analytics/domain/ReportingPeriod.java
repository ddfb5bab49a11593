package kz.appeals.analytics.domain;

import java.time.LocalDate;
import java.util.List;

/** An inclusive range of registration days: an appeal belongs to the period in which it was registered. */
public record ReportingPeriod(LocalDate from, LocalDate to) {

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }
}
