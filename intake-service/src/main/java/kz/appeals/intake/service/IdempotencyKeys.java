package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** Remembers which appeal an Idempotency-Key created, and for which request body. */
@ApplicationScoped
public class IdempotencyKeys {

    public record Claimed(UUID appealId, String requestHash) {
    }

    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Claims the key for a new appeal. If the key is already taken (also by a concurrent request, whose commit this
     * waits for), returns what it was claimed for instead.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claimed> claim(String client, String key, String requestHash, UUID appealId) {
        int inserted = entityManager.createNativeQuery("""
                        insert into idempotency_key (client, idempotency_key, request_hash, appeal_id)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                .setParameter(1, client).setParameter(2, key).setParameter(3, requestHash).setParameter(4, appealId)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select appeal_id, request_hash from idempotency_key where client = ?1 and idempotency_key = ?2""")
                .setParameter(1, client).setParameter(2, key)
                .getSingleResult();
        return Optional.of(new Claimed((UUID) row[0], (String) row[1]));
    }
}
