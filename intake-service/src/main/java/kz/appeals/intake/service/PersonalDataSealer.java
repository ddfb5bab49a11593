package kz.appeals.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import kz.appeals.intake.domain.Applicant;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * Seals the personal data of appeals stored before sealing existed (migration V3) and empties their plaintext
 * columns. Runs at start-up in small transactions; rows locked by another instance doing the same are skipped.
 */
@ApplicationScoped
public class PersonalDataSealer {

    private static final Logger LOG = Logger.getLogger(PersonalDataSealer.class);
    private static final int BATCH = 500;

    private final EntityManager entityManager;
    private final ApplicantVault vault;

    public PersonalDataSealer(EntityManager entityManager, ApplicantVault vault) {
        this.entityManager = entityManager;
        this.vault = vault;
    }

    void onStart(@Observes StartupEvent startup) {
        long sealed = sealPlaintextRows();
        if (sealed > 0) {
            LOG.infof("Sealed the personal data of %d appeals stored in plaintext by an earlier version", sealed);
        }
    }

    /** @return how many appeals were sealed */
    public long sealPlaintextRows() {
        long total = 0;
        int sealed;
        do {
            sealed = QuarkusTransaction.requiringNew().call(this::sealBatch);
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, applicant_iin, applicant_name, applicant_phone, applicant_email from appeal
                        where applicant_sealed is null limit ?1 for update skip locked""")
                .setParameter(1, BATCH).getResultList();
        for (Object[] row : rows) {
            UUID appealId = (UUID) row[0];
            byte[] sealedApplicant = vault.seal(
                    new Applicant((String) row[1], (String) row[2], (String) row[3], (String) row[4]), appealId);
            entityManager.createNativeQuery("""
                            update appeal set applicant_sealed = ?1, applicant_iin = null, applicant_name = null,
                            applicant_phone = null, applicant_email = null where id = ?2""")
                    .setParameter(1, sealedApplicant).setParameter(2, appealId).executeUpdate();
        }
        return rows.size();
    }
}
