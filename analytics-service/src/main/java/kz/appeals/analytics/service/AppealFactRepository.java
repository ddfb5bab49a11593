package kz.appeals.analytics.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.RuralDistrictMetrics;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AppealFactRepository implements PanacheRepositoryBase<AppealFact, UUID> {

    private static final String METRICS_SQL = """
            select f.rural_district_kato,
                   count(*),
                   count(f.first_answered_at),
                   count(*) filter (where f.first_answered_at < term.late_from),
                   count(*) filter (where f.extended),
                   count(*) filter (where f.redirected_count > 0),
                   count(*) filter (where f.deemed_refused),
                   count(f.escalation_level),
                   count(*) filter (where f.escalation_level in
                       ('DISTRICT_AKIMAT', 'REGION_AKIMAT', 'NATIONAL_AGENCY', 'PRESIDENTIAL_ADMINISTRATION')),
                   count(*) filter (where f.escalation_level in
                       ('REGION_AKIMAT', 'NATIONAL_AGENCY', 'PRESIDENTIAL_ADMINISTRATION')),
                   count(*) filter (where f.escalation_level = 'PRESIDENTIAL_ADMINISTRATION'),
                   count(*) filter (where not f.deemed_refused
                       and (f.escalation_level is null or f.escalation_level in ('RURAL_DISTRICT', 'UTILITY'))),
                   count(*) filter (where f.reopened_count > 0),
                   count(f.rated_satisfied),
                   count(*) filter (where f.rated_satisfied)
            from appeal_fact f
            join unnest(cast(?1 as date[]), cast(?2 as timestamptz[])) as term (registration_day, late_from)
              on term.registration_day = f.registration_day
            where %s = ?3 and f.rural_district_kato is not null
            group by f.rural_district_kato
            order by f.rural_district_kato""";

    /**
     * The appeal's fact, locked for this transaction. The first event of an appeal creates the row; when two
     * consumers see an appeal's first events at once, the second insert waits for the first and then does nothing.
     */
    public AppealFact lockOrCreate(UUID appealId, Instant eventTime) {
        getEntityManager().createNativeQuery("""
                        insert into appeal_fact (appeal_id, last_event_at) values (?1, ?2)
                        on conflict (appeal_id) do nothing""")
                .setParameter(1, appealId)
                .setParameter(2, Timestamp.from(eventTime))
                .executeUpdate();
        return findById(appealId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** @param lateFrom for every registration day of the period, the first instant an answer is late */
    public List<RuralDistrictMetrics> metricsOfRuralDistrict(String ruralDistrictKato, ReportingPeriod period,
                                                             SortedMap<LocalDate, Instant> lateFrom) {
        return metrics("f.rural_district_kato", ruralDistrictKato, period, lateFrom);
    }

    /** @param lateFrom for every registration day of the period, the first instant an answer is late */
    public List<RuralDistrictMetrics> metricsOfRegion(String regionKato, ReportingPeriod period,
                                                      SortedMap<LocalDate, Instant> lateFrom) {
        return metrics("f.region_kato", regionKato, period, lateFrom);
    }

    /**
     * The period's days and their "late from" instants join the facts as two parallel arrays, passed as array
     * literals, so that any period is one query and one round trip whatever the calendar decided for each day.
     */
    private List<RuralDistrictMetrics> metrics(String territoryColumn, String kato, ReportingPeriod period,
                                               SortedMap<LocalDate, Instant> lateFrom) {
        String registrationDays = arrayLiteral(lateFrom.keySet());
        String lateFromInstants = arrayLiteral(lateFrom.values());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(METRICS_SQL.formatted(territoryColumn))
                .setParameter(1, registrationDays)
                .setParameter(2, lateFromInstants)
                .setParameter(3, kato)
                .getResultList();
        return rows.stream().map(row -> RuralDistrictMetrics.of((String) row[0], period, count(row[1]),
                count(row[2]), count(row[3]), count(row[4]), count(row[5]), count(row[6]), count(row[7]),
                count(row[8]), count(row[9]), count(row[10]), count(row[11]), count(row[12]), count(row[13]),
                count(row[14]))).toList();
    }

    /** ISO dates and instants need no quoting inside a PostgreSQL array literal. */
    private static String arrayLiteral(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static long count(Object column) {
        return ((Number) column).longValue();
    }
}
