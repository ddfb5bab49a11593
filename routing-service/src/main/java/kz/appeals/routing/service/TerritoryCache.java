package kz.appeals.routing.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.CompetenceRules;
import kz.appeals.routing.domain.RoutingPolicy;
import kz.appeals.routing.domain.TerritoryIndex;
import org.jboss.logging.Logger;

/**
 * The routing rules over the reference data in memory: every version of the territory with its spatial index,
 * and the competence rules. Rebuilt after an import or a rule edit here, and by every replica within half a
 * minute of one made elsewhere (it polls a cheap stamp of the releases and rules).
 */
@ApplicationScoped
public class TerritoryCache {

    private static final Logger LOG = Logger.getLogger(TerritoryCache.class);

    private record Snapshot(String stamp, RoutingPolicy policy, TerritoryIndex territory) {
    }

    private final TerritoryRepository units;
    private final CompetenceRuleRepository rules;
    private final ReferenceStore store;
    private volatile Snapshot snapshot;

    public TerritoryCache(TerritoryRepository units, CompetenceRuleRepository rules, ReferenceStore store) {
        this.units = units;
        this.rules = rules;
        this.store = store;
    }

    public RoutingPolicy policy() {
        return current().policy();
    }

    public TerritoryIndex territory() {
        return current().territory();
    }

    /** Rebuilds from what is committed; call after an import or rule edit has committed. */
    public void reload() {
        QuarkusTransaction.requiringNew().run(this::load);
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reloadIfChanged() {
        Snapshot known = snapshot;
        String stamp = QuarkusTransaction.requiringNew().call(store::stamp);
        if (known == null || !known.stamp().equals(stamp)) {
            reload();
        }
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        if (known == null) {
            synchronized (this) {
                if (snapshot == null) {
                    QuarkusTransaction.joiningExisting().run(this::load);
                }
                known = snapshot;
            }
        }
        return known;
    }

    private synchronized void load() {
        long started = System.nanoTime();
        String stamp = store.stamp();
        TerritoryIndex territory = new TerritoryIndex(units.listAll(), store.allBoundaries());
        CompetenceRules competence = new CompetenceRules(rules.listAll());
        snapshot = new Snapshot(stamp, new RoutingPolicy(territory, competence), territory);
        LOG.infof("Territory loaded: %d units, %d boundaries, in %d ms", territory.unitCount(),
                territory.boundaryCount(), (System.nanoTime() - started) / 1_000_000);
    }
}
