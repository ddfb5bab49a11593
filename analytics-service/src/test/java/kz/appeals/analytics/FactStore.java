package kz.appeals.analytics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.analytics.domain.AppealFact;

import java.util.UUID;

/** Reads what the consumers wrote, each read in its own transaction so that it sees their latest commits. */
@ApplicationScoped
public class FactStore {

    private final EntityManager entityManager;

    public FactStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public AppealFact fact(UUID appealId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(AppealFact.class, appealId));
    }

    /** How many times the analytics consumer recorded this event id in its inbox (0 or 1). */
    public long inboxEntries(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from inbox_event where consumer = 'analytics-service' and event_id = ?1")
                .setParameter(1, eventId)
                .getSingleResult()).longValue());
    }

    public void awaitProcessed(UUID eventId) {
        Eventually.await(() -> inboxEntries(eventId), entries -> entries == 1, "event " + eventId + " processed");
    }

}
