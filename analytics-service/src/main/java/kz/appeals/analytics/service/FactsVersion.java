package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.platform.transaction.AfterCommit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts this replica's committed changes to what the metrics are computed from (facts, the territorial reference),
 * so that a cached answer is known to be current when the count has not moved since it was computed.
 */
@ApplicationScoped
public class FactsVersion {

    private final AtomicLong version = new AtomicLong();
    private final TransactionSynchronizationRegistry transactions;

    public FactsVersion(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** The current transaction changes facts: the version moves once it has committed, not before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changing() {
        AfterCommit.run(transactions, this::committed);
    }

    public long current() {
        return version.get();
    }

    void committed() {
        version.incrementAndGet();
    }
}
