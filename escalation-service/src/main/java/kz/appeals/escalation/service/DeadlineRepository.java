package kz.appeals.escalation.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import kz.appeals.escalation.domain.Deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeadlineRepository implements PanacheRepositoryBase<Deadline, UUID> {

    /**
     * The appeal's deadline, row-locked until the transaction ends (so the sweeper skips it meanwhile), started if
     * this is the first event about the appeal. The consumers of two topics may meet a new appeal at the same
     * moment: an advisory lock on the appeal id makes one of them create the row and the other find it, instead of
     * both inserting and one failing on the primary key.
     */
    public Deadline lockOrStart(UUID appealId, Instant now) {
        getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtext('deadline'), hashtext(?1))")
                .setParameter(1, appealId.toString())
                .getSingleResult();
        Deadline known = findById(appealId, LockModeType.PESSIMISTIC_WRITE);
        if (known != null) {
            return known;
        }
        Deadline started = Deadline.start(appealId, now);
        persist(started);
        return started;
    }

    /**
     * Up to {@code limit} running deadlines with a known body whose due date is before {@code today}, locked. Rows
     * another replica (or a consumer) holds are skipped, not waited for, so replicas share the work. The date test
     * mirrors DeadlinePolicy.hasLapsed, which has the last word on each row.
     */
    @SuppressWarnings("unchecked")
    public List<Deadline> lockDueBefore(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        select * from deadline
                        where status = 'RUNNING' and due_date < ?1 and body_code is not null
                        order by due_date
                        limit ?2
                        for update skip locked""", Deadline.class)
                .setParameter(1, today)
                .setParameter(2, limit)
                .getResultList();
    }
}
