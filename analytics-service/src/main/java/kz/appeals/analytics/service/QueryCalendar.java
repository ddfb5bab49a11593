package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.analytics.domain.Granularity;
import kz.appeals.analytics.domain.ReportingPeriod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The calendar facts a metrics query joins, computed from the working calendar at query time so that a corrected
 * calendar applies to past periods too: the period's days with the bucket each falls in, and for every day a term
 * may start or an answer may be given on, the first late instant of a term starting then and a running count of
 * working days (the working days between two days are the difference of their counts).
 */
record QueryCalendar(List<LocalDate> periodDays, List<LocalDate> buckets, List<LocalDate> days,
                     List<Instant> lateFrom, List<Integer> workingDayOrdinals) {

    /** Terms and answers later than this after the period's end are left out of on-time counts and percentiles. */
    private static final int MAX_FOLLOW_UP_DAYS = 366;

    static QueryCalendar of(ReportingPeriod period, Granularity granularity, AnswerTerm terms, LocalDate today) {
        List<LocalDate> periodDays = period.days();
        List<LocalDate> buckets = periodDays.stream()
                .map(day -> granularity == null ? period.from() : granularity.bucketStart(day)).toList();
        LocalDate last = today.isAfter(period.to()) ? today : period.to();
        if (last.isAfter(period.to().plusDays(MAX_FOLLOW_UP_DAYS))) {
            last = period.to().plusDays(MAX_FOLLOW_UP_DAYS);
        }
        List<LocalDate> days = period.from().datesUntil(last.plusDays(1)).toList();
        List<Instant> lateFrom = new ArrayList<>(days.size());
        List<Integer> ordinals = new ArrayList<>(days.size());
        int workingDays = 0;
        for (LocalDate day : days) {
            lateFrom.add(terms.lateFrom(day));
            workingDays += terms.isWorkingDay(day) ? 1 : 0;
            ordinals.add(workingDays);
        }
        return new QueryCalendar(periodDays, buckets, days, lateFrom, ordinals);
    }
}
