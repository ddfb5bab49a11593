package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.intake.domain.KnownSettlement;

/** Keeps intake's copy of the settlement codes current from routing's compacted reference topic. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TerritoryReplica {

    private final SettlementRepository settlements;

    public TerritoryReplica(SettlementRepository settlements) {
        this.settlements = settlements;
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
    }
}
