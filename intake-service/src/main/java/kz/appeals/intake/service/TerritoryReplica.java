package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.intake.domain.KnownSettlement;
import kz.appeals.platform.transaction.AfterCommit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Keeps intake's copy of the places people may file at current from routing's compacted reference topic: every code
 * routing publishes — a locality or city as a settlement, a rural district, town, district, city administration,
 * city district, region or city of republican significance as a unit — is a place routing can route an appeal from.
 */
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
        apply(event.katoCode(), event.nameKk(), event.nameRu(), event.validTo(), event.occurredAt());
    }

    public void apply(TerritorialUnitPublished event) {
        apply(event.katoCode(), event.nameKk(), event.nameRu(), event.validTo(), event.occurredAt());
    }

    private void apply(String katoCode, String nameKk, String nameRu, LocalDate validTo, Instant occurredAt) {
        KnownSettlement settlement = settlements.findByIdOptional(katoCode).orElse(null);
        if (settlement != null && settlement.asOf.isAfter(occurredAt)) {
            return;
        }
        boolean isNew = settlement == null;
        if (isNew) {
            settlement = new KnownSettlement();
            settlement.katoCode = katoCode;
        }
        settlement.nameKk = nameKk;
        settlement.nameRu = nameRu;
        settlement.validTo = validTo;
        settlement.asOf = occurredAt;
        if (isNew) {
            settlements.persist(settlement);
        }
        AfterCommit.run(transactions, () -> cache.forget(katoCode));
    }
}
