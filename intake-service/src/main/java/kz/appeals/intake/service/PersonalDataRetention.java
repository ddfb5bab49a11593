package kz.appeals.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.CitizenStatus;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Erases the applicant of every appeal closed (answered, rated or outside competence, not reopened) longer than the
 * retention period: the sealed personal data and the pseudonymous reference go, the appeal and its timeline stay.
 * Small batches with SKIP LOCKED, so that replicas share the work and no request waits long behind it.
 */
@ApplicationScoped
public class PersonalDataRetention {

    private static final Logger LOG = Logger.getLogger(PersonalDataRetention.class);
    private static final int BATCH = 500;
    private static final List<String> CLOSED = Arrays.stream(CitizenStatus.values()).filter(CitizenStatus::isClosed)
            .map(CitizenStatus::name).toList();

    private final EntityManager entityManager;
    private final Duration retention;
    private final Clock clock;

    public PersonalDataRetention(EntityManager entityManager, IntakeConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.retention = config.retention().anonymiseClosedAfter();
        this.clock = clock;
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        long erased = anonymiseExpired();
        if (erased > 0) {
            LOG.infof("Retention: erased the applicant of %d appeals closed before %s", erased,
                    clock.instant().minus(retention));
        }
    }

    /** @return how many appeals lost their applicant */
    public long anonymiseExpired() {
        Instant closedBefore = clock.instant().minus(retention);
        long total = 0;
        int erased;
        do {
            erased = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                            update appeal set applicant_sealed = null, description_sealed = null, applicant_ref = null,
                                anonymised_at = ?1
                            where id in (select a.id from appeal a join appeal_progress p on p.appeal_id = a.id
                                         where a.anonymised_at is null and a.applicant_sealed is not null
                                           and p.status in (?2) and p.updated_at < ?3
                                         limit ?4 for update of a skip locked)""")
                    .setParameter(1, clock.instant()).setParameter(2, CLOSED).setParameter(3, closedBefore)
                    .setParameter(4, BATCH).executeUpdate());
            total += erased;
        } while (erased == BATCH);
        return total;
    }
}
