package kz.appeals.escalation.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.escalation.domain.Deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Deadlines as entities, for the screens and queries. The consumers' batches, the sweep and calendar recalculation
 * read and write their rows without the ORM, in {@link DeadlineTable}.
 */
@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

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
}
