package kz.appeals.analytics.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.domain.TerritoryMetrics.Counts;
import kz.appeals.analytics.domain.TerritoryMetrics.Territory;
import kz.appeals.analytics.domain.TerritoryMetrics.TrustBasis;
import kz.appeals.contracts.TerritoryEvents.UnitKind;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class AppealFactRepository implements PanacheRepositoryBase<AppealFact, UUID> {

    /**
     * The units whose residents a territory's residents are summed over: those of the rural-level akims, and those of
     * the cities, who live under no rural-level akim — a city administration's population is its city's, without the
     * rural districts it also governs, and a city district's its own. A territory's own unit counts with those under
     * it.
     */
    private static final String RESIDENT_UNITS =
            "(t.level = 'RURAL_DISTRICT' or t.kind in ('CITY_ADMINISTRATION', 'CITY_DISTRICT'))";

    /**
     * Every metric in one statement. The period's days (with their bucket) and the calendar's days (with the first
     * late instant of a term starting that day and a running count of working days) join the facts as parallel
     * arrays, so any period and any calendar correction is one round trip. Percentiles of working days to answer
     * are differences of that running count, over the answered appeals only (greatest() skips a null: an unanswered
     * appeal would count as answered in 0 days). The trust basis merges one applicant's appeals on one issue into a
     * unit and caps each applicant's total weight, counting only appeals registered since the akim took office
     * ({@link kz.appeals.analytics.domain.TrustIndex#FORMULA}).
     * <p>
     * An appeal counts in every territory its place lies in, at the level of the body nearest the place: a village's
     * in its rural district, district and region; a city's own appeal, routed to its city administration, in that
     * administration and its region but in no rural district. The akim whose start date counts is that nearest
     * body's. Residents are summed over the territory's {@link #RESIDENT_UNITS}.
     */
    private static final String METRICS_SQL = """
            with period_day (day, bucket) as (
                select * from unnest(cast(?1 as date[]), cast(?2 as date[]))),
            calendar_day (day, late_from, ordinal) as (
                select * from unnest(cast(?3 as date[]), cast(?4 as timestamptz[]), cast(?5 as integer[]))),
            scoped as (
                select %1$s as area, %2$s as category, p.bucket, f.*,
                       not f.deemed_refused and (f.escalation_level is null
                           or f.escalation_level in ('RURAL_DISTRICT', 'UTILITY')) as kept,
                       cast(f.first_answered_at at time zone 'UTC' + interval '5 hours' as date) as answered_day,
                       coalesce(f.term_start_day, f.registration_day) as term_day,
                       f.registration_day >= coalesce(akim.akim_elected_since, date '-infinity') as in_office
                from appeal_fact f
                join period_day p on p.day = f.registration_day
                left join territorial_unit akim
                    on akim.kato_code = coalesce(f.rural_district_kato, f.district_kato, f.region_kato)
                where %3$s = ?6 and %1$s is not null),
            counts as (
                select s.area, s.category, s.bucket,
                       count(*) as received,
                       count(s.first_answered_at) as answered,
                       count(*) filter (where s.first_answered_at < term.late_from) as answered_on_time,
                       count(*) filter (where s.first_answered_at is null and not s.extended
                           and term.late_from <= cast(?8 as timestamptz)) as overdue_now,
                       percentile_cont(0.5) within group (order by case when answer.ordinal - term.ordinal is not null
                           then greatest(0, answer.ordinal - term.ordinal) end),
                       percentile_cont(0.9) within group (order by case when answer.ordinal - term.ordinal is not null
                           then greatest(0, answer.ordinal - term.ordinal) end),
                       count(*) filter (where s.extended),
                       count(*) filter (where s.redirected_count > 0),
                       count(*) filter (where s.deemed_refused),
                       count(s.escalation_level),
                       count(*) filter (where s.escalation_level in
                           ('DISTRICT_AKIMAT', 'REGION_AKIMAT', 'NATIONAL_AGENCY', 'PRESIDENTIAL_ADMINISTRATION')),
                       count(*) filter (where s.escalation_level in
                           ('REGION_AKIMAT', 'NATIONAL_AGENCY', 'PRESIDENTIAL_ADMINISTRATION')),
                       count(*) filter (where s.escalation_level = 'PRESIDENTIAL_ADMINISTRATION'),
                       count(*) filter (where s.kept),
                       count(*) filter (where s.reopened_count > 0),
                       count(s.rated_satisfied),
                       count(*) filter (where s.rated_satisfied)
                from scoped s
                left join calendar_day term on term.day = s.term_day
                left join calendar_day answer on answer.day = s.answered_day
                group by s.area, s.category, s.bucket),
            units as (
                select area, category, bucket, coalesce(applicant_ref, cast(appeal_id as varchar)) as applicant,
                       bool_and(kept) as kept
                from scoped
                where in_office
                group by area, category, bucket, applicant, coalesce(issue_id, appeal_id)),
            weighted as (
                select area, category, bucket, applicant, kept,
                       least(1.0, cast(?7 as numeric) / count(*) over (partition by area, category, bucket, applicant))
                           as weight
                from units),
            basis as (
                select area, category, bucket, count(distinct applicant) as applicants, sum(weight) as appeals,
                       coalesce(sum(weight) filter (where kept), 0) as kept_locally
                from weighted
                group by area, category, bucket)
            select c.*, coalesce(b.applicants, 0), coalesce(b.appeals, 0), coalesce(b.kept_locally, 0),
                   unit.name_kk, unit.name_ru, residents.population, unit.akim_name, unit.akim_elected_since,
                   unit.kind
            from counts c
            left join basis b on b.area = c.area and b.category = c.category and b.bucket = c.bucket
            left join territorial_unit unit on unit.kato_code = c.area
            left join lateral (
                select case when count(*) > 0 and count(*) = count(t.population) then sum(t.population) end
                           as population
                from territorial_unit t
                where {residentUnits} and t.valid_to is null and c.area in (%4$s, t.kato_code)) residents on true
            order by c.area, c.category, c.bucket"""
            .replace("{residentUnits}", RESIDENT_UNITS);

    private static final String TERRITORY_SQL = """
            select unit.name_kk, unit.name_ru, residents.population, unit.akim_name, unit.akim_elected_since,
                   unit.kind
            from (select cast(?1 as varchar) as kato) wanted
            left join territorial_unit unit on unit.kato_code = wanted.kato and unit.level = ?2
            left join lateral (
                select case when count(*) > 0 and count(*) = count(t.population) then sum(t.population) end
                           as population
                from territorial_unit t
                where {residentUnits} and t.valid_to is null and wanted.kato in (%1$s, t.kato_code)) residents on true
            where unit.kato_code is not null
               or exists (select 1 from appeal_fact f where %2$s = wanted.kato)"""
            .replace("{residentUnits}", RESIDENT_UNITS);

    /** The current units of one level within a territory, from the territorial reference, with or without appeals. */
    private static final String UNITS_SQL = """
            select unit.kato_code, unit.name_kk, unit.name_ru, residents.population, unit.akim_name,
                   unit.akim_elected_since, unit.kind
            from territorial_unit unit
            left join lateral (
                select case when count(*) > 0 and count(*) = count(t.population) then sum(t.population) end
                           as population
                from territorial_unit t
                where {residentUnits} and t.valid_to is null and unit.kato_code in (%1$s, t.kato_code)
            ) residents on true
            where unit.level = ?1 and unit.valid_to is null and %2$s = ?2
            order by unit.kato_code"""
            .replace("{residentUnits}", RESIDENT_UNITS);

    /**
     * The current units at {@code unitLevel} within the territory {@code kato} at {@code level}, by KATO code, as the
     * territorial reference knows them: every akim of a region, not only those whose residents wrote.
     */
    public Map<String, Territory> units(TerritoryLevel level, String kato, TerritoryLevel unitLevel) {
        String scope = switch (level) {
            case COUNTRY -> "'" + TerritoryLevel.COUNTRY_CODE + "'";
            case REGION -> "unit.region_kato";
            case DISTRICT -> "unit.district_kato";
            case RURAL_DISTRICT -> "unit.kato_code";
        };
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(UNITS_SQL.formatted(referenceColumn(unitLevel),
                        scope))
                .setParameter(1, unitLevel.name())
                .setParameter(2, kato)
                .getResultList();
        Map<String, Territory> units = new LinkedHashMap<>();
        rows.forEach(row -> units.put((String) row[0], territory(row, 1)));
        return units;
    }

    /** The regions of the territorial reference, by KATO code. */
    public List<String> regions() {
        return getEntityManager().createQuery(
                        "select u.katoCode from TerritorialUnit u where u.level = :region order by u.katoCode",
                        String.class)
                .setParameter("region", UnitLevel.REGION)
                .getResultList();
    }

    /**
     * The facts of a batch's appeals, locked for this transaction, in two statements. The first event of an appeal
     * creates its row; when two consumers see an appeal's first events at once, the second insert waits for the
     * first and then does nothing. Rows are created and locked in the order of their ids, so two channels' batches
     * that touch the same appeals wait for each other instead of deadlocking.
     *
     * @param firstEventTimes per appeal, the time of its earliest event in the batch
     */
    public Map<UUID, AppealFact> lockOrCreateAll(Map<UUID, Instant> firstEventTimes) {
        List<UUID> ids = firstEventTimes.keySet().stream().sorted().toList();
        getEntityManager().createNativeQuery("""
                        insert into appeal_fact (appeal_id, last_event_at)
                        select * from unnest(cast(?1 as uuid[]), cast(?2 as timestamptz[]))
                        order by 1
                        on conflict (appeal_id) do nothing""")
                .setParameter(1, ids.toArray(UUID[]::new))
                .setParameter(2, ids.stream().map(id -> Timestamp.from(firstEventTimes.get(id)))
                        .toArray(Timestamp[]::new))
                .executeUpdate();
        return getEntityManager()
                .createQuery("select f from AppealFact f where f.appealId in :ids order by f.appealId",
                        AppealFact.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(fact -> fact.appealId, fact -> fact));
    }

    /**
     * @param calendar the period's days with their bucket, and the calendar's days the query needs
     * @param now      the moment an unanswered appeal's lapsed term makes it overdue
     */
    public List<TerritoryMetrics> metrics(MetricsQuery query, QueryCalendar calendar, int applicantWeightCap,
                                          Instant now) {
        String sql = METRICS_SQL.formatted(column(query.groupLevel()),
                query.byCategory() ? "coalesce(f.category_code, '')" : "''", column(query.scopeLevel()),
                referenceColumn(query.groupLevel()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(sql)
                .setParameter(1, arrayLiteral(calendar.periodDays()))
                .setParameter(2, arrayLiteral(calendar.buckets()))
                .setParameter(3, arrayLiteral(calendar.days()))
                .setParameter(4, arrayLiteral(calendar.lateFrom()))
                .setParameter(5, arrayLiteral(calendar.workingDayOrdinals()))
                .setParameter(6, query.scopeKato())
                .setParameter(7, applicantWeightCap)
                .setParameter(8, Timestamp.from(now))
                .getResultList();
        return rows.stream().map(row -> {
            String category = (String) row[1];
            LocalDate bucket = day(row[2]);
            ReportingPeriod period = query.granularity() == null ? query.period()
                    : new ReportingPeriod(bucket, query.granularity().bucketEnd(bucket));
            Counts counts = new Counts(count(row[3]), count(row[4]), count(row[5]), count(row[6]), decimal(row[7]),
                    decimal(row[8]), count(row[9]), count(row[10]), count(row[11]), count(row[12]), count(row[13]),
                    count(row[14]), count(row[15]), count(row[16]), count(row[17]), count(row[18]), count(row[19]),
                    new TrustBasis(count(row[20]), decimal(row[21]), decimal(row[22])));
            return TerritoryMetrics.of(query.groupLevel(), (String) row[0], category.isEmpty() ? null : category,
                    period, territory(row, 23), counts);
        }).toList();
    }

    /**
     * What the reference says of a territory, if the reference or any appeal knows the code at that level: a code
     * neither knows is no territory of this country.
     */
    public Optional<Territory> territory(TerritoryLevel level, String kato) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(TERRITORY_SQL.formatted(referenceColumn(level),
                        column(level)))
                .setParameter(1, kato)
                .setParameter(2, level.name())
                .getResultList();
        return rows.stream().findFirst().map(row -> territory(row, 0));
    }

    private static Territory territory(Object[] row, int first) {
        return new Territory((String) row[first], (String) row[first + 1],
                row[first + 2] == null ? null : count(row[first + 2]), (String) row[first + 3],
                row[first + 4] == null ? null : day(row[first + 4]),
                row[first + 5] == null ? null : UnitKind.valueOf((String) row[first + 5]));
    }

    /** The column of the territorial reference that names the territory a rural district belongs to. */
    private static String referenceColumn(TerritoryLevel level) {
        return switch (level) {
            case RURAL_DISTRICT -> "t.kato_code";
            case DISTRICT -> "t.district_kato";
            case REGION -> "t.region_kato";
            case COUNTRY -> "'" + TerritoryLevel.COUNTRY_CODE + "'";
        };
    }

    private static String column(TerritoryLevel level) {
        return switch (level) {
            case RURAL_DISTRICT -> "f.rural_district_kato";
            case DISTRICT -> "f.district_kato";
            case REGION -> "f.region_kato";
            case COUNTRY -> "'" + TerritoryLevel.COUNTRY_CODE + "'";
        };
    }

    /** ISO dates, instants and numbers need no quoting inside a PostgreSQL array literal. */
    private static String arrayLiteral(Collection<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** Hibernate hands a native date column over as either type, depending on the dialect's mapping. */
    private static LocalDate day(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }

    private static long count(Object column) {
        return ((Number) column).longValue();
    }

    private static Double decimal(Object column) {
        return column == null ? null : ((Number) column).doubleValue();
    }
}
