package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.intake.domain.KnownSettlement;
import kz.appeals.platform.transaction.AfterCommit;

/** Keeps intake's copy of the settlement codes current from routing's compacted reference topic. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TerritoryReplica {

    private final SettlementRepository settlements;
    private final KnownSettlements cache;
    private final TransactionSynchronizationRegistry transactions;

    public TerritoryReplica(SettlementRepository settlements, KnownSettlements cache,
                            TransactionSynchronizationRegistry transactions) {
        this.settlements = settlements;
        this.cache = cache;
        this.transactions = transactions;
    }

    public void apply(SettlementPublished event) {
        KnownSettlement settlement = settlements.findByIdOptional(event.katoCode()).orElse(null);
        if (settlement != null && settlement.asOf.isAfter(event.occurredAt())) {
            return;
        }
        boolean isNew = settlement == null;
        if (isNew) {
            settlement = new KnownSettlement();
            settlement.katoCode = event.katoCode();
        }
        settlement.nameKk = event.nameKk();
        settlement.nameRu = event.nameRu();
        settlement.validTo = event.validTo();
        settlement.asOf = event.occurredAt();
        if (isNew) {
            settlements.persist(settlement);
        }
        AfterCommit.run(transactions, () -> cache.forget(event.katoCode()));
    }
}
