package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.analytics.domain.TerritorialUnit;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.platform.inbox.IncomingEvent;

/** Keeps analytics' copy of the territorial reference, inside the inbox transaction that deduplicates the event. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TerritoryRecorder {

    private final TerritorialUnitRepository units;
    private final FactsVersion version;

    public TerritoryRecorder(TerritorialUnitRepository units, FactsVersion version) {
        this.units = units;
        this.version = version;
    }

    public void record(IncomingEvent event) {
        TerritorialUnitPublished published = event.dataAs(TerritorialUnitPublished.class);
        TerritorialUnit unit = units.findById(published.katoCode());
        if (unit == null) {
            unit = new TerritorialUnit(published.katoCode());
            unit.apply(published);
            units.persist(unit);
        } else {
            unit.apply(published);
        }
        // populations and akims' start dates enter the rankings
        version.changing();
    }
}
