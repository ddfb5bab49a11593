package kz.appeals.escalation.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.escalation.domain.Deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Deadlines as entities, for the screens, the sweep and calendar recalculation. The consumers' batches read and write
 * their rows without the ORM, in {@link DeadlineTable}.
 */
@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    /**
     * Up to {@code limit} running deadlines with something to do by {@code today} (their {@code wake_on}: a warning
     * or the lapse), locked. Rows another replica (or a consumer) holds are skipped, not waited for, so replicas
     * share the work. The partial index on {@code wake_on} of running rows makes a sweep that finds nothing cost one
     * index probe, however many deadlines are open.
     */
    @SuppressWarnings("unchecked")
    public List<Deadline> lockWakingBy(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from deadline
                        where status = 'RUNNING' and wake_on <= ?1
                        order by wake_on
                        limit ?2
                        for update skip locked""", Deadline.class)
                .setParameter(1, today)
                .setParameter(2, limit)
                .getResultList();
    }

    /** See DeadlineQueries#overdue; the reader's scope is {@link DeadlineReader#sees} in SQL. */
    @SuppressWarnings("unchecked")
    public List<Deadline> overdueIn(String districtOrRegionKato, DeadlineReader reader, LocalDate today, int limit) {
        String scope = switch (reader.scope()) {
            case NATIONWIDE -> "true";
            case OFFICE -> "(body_kato = ?4 or escalated_body_kato = ?4)";
            case DISTRICT_AKIMAT -> "(district_kato = ?4 or body_kato = ?4 or escalated_body_kato = ?4)";
            case REGION_AKIMAT -> "(region_kato = ?4 or body_kato = ?4 or escalated_body_kato = ?4)";
        };
        var query = getEntityManager().createNativeQuery("""
                        select * from deadline
                        where (district_kato = ?1 or region_kato = ?1) and status <> 'STOPPED'
                          and (escalation_step > 0 or status = 'LAPSED' or due_date < ?2)
                          and %s
                        order by due_date, appeal_id
                        limit ?3""".formatted(scope), Deadline.class)
                .setParameter(1, districtOrRegionKato)
                .setParameter(2, today)
                .setParameter(3, limit);
        if (reader.scope() != DeadlineReader.Scope.NATIONWIDE) {
            query.setParameter(4, reader.katoCode());
        }
        return query.getResultList();
    }

    /**
     * Up to {@code limit} running deadlines after {@code afterAppealId} (in id order) whose current term may count
     * days of {@code year}: it starts by the year's end and ends on or after its first day. Locked, waiting for a
     * consumer that holds one, since every one of them must be brought up to date.
     */
    @SuppressWarnings("unchecked")
    public List<Deadline> lockRunningThrough(int year, UUID afterAppealId, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from deadline
                        where status = 'RUNNING' and appeal_id > ?1
                          and term_start <= make_date(?2, 12, 31) and due_date >= make_date(?2, 1, 1)
                        order by appeal_id
                        limit ?3
                        for update""", Deadline.class)
                .setParameter(1, afterAppealId)
                .setParameter(2, year)
                .setParameter(3, limit)
                .getResultList();
    }
}
