package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.platform.transaction.AfterCommit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far what the metrics are computed from (facts, the territorial reference) has changed, so that a cached
 * answer is known to be current when neither count has moved since it was computed: this replica's commits
 * ({@link Version#local()}, seen at once) and every replica's, as the database's {@code facts_change} rows last
 * summed by {@link #readShared()} ({@link Version#shared()}).
 */
@ApplicationScoped
public class FactsVersion {

    public record Version(long local, long shared) {
    }

    /** This process among the replicas: rows of processes gone stay, a few per start, and still add up. */
    private static final String PROCESS = UUID.randomUUID().toString();
    private static final Object MARKED = new Object();

    private final AtomicLong local = new AtomicLong();
    private volatile long shared;
    private final TransactionSynchronizationRegistry transactions;
    private final EntityManager entityManager;

    public FactsVersion(TransactionSynchronizationRegistry transactions, EntityManager entityManager) {
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /**
     * The current transaction changes facts: its writer's row moves with its commit, and the local count right
     * after it. Once per transaction, however many changes it makes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changing() {
        if (transactions.getResource(MARKED) != null) {
            return;
        }
        transactions.putResource(MARKED, Boolean.TRUE);
        entityManager.createNativeQuery("""
                        insert into facts_change (writer, version, changed_at) values (?1, 1, now())
                        on conflict (writer) do update set version = facts_change.version + 1, changed_at = now()""")
                .setParameter(1, PROCESS + " " + Thread.currentThread().getName())
                .executeUpdate();
        AfterCommit.run(transactions, this::committedHere);
    }

    public Version current() {
        return new Version(local.get(), shared);
    }

    /** Reads every replica's committed changes; what a ranking computed after this call sees at least. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Version readShared() {
        Number sum = (Number) entityManager.createNativeQuery("select coalesce(sum(version), 0) from facts_change")
                .getSingleResult();
        sharedChanged(sum.longValue());
        return current();
    }

    void sharedChanged(long sum) {
        shared = sum;
    }

    void committedHere() {
        local.incrementAndGet();
    }
}
