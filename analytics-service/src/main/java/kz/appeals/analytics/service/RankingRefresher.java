package kz.appeals.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps the rankings dashboards read computed ahead of them: every {@code refresh-every} it reads whether any
 * replica changed the facts, pins the dashboard's default rankings and recomputes the warm ones that changed
 * ({@link RankingCache#refresh}).
 */
@ApplicationScoped
public class RankingRefresher {

    private static final Logger LOG = Logger.getLogger(RankingRefresher.class);

    private final FactsVersion facts;
    private final MetricsService metrics;
    private final RankingCache rankings;
    private volatile boolean stopping;

    public RankingRefresher(FactsVersion facts, MetricsService metrics, RankingCache rankings) {
        this.facts = facts;
        this.metrics = metrics;
        this.rankings = rankings;
    }

    /** A tick that starts while the service stops would find the database gone. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(identity = "ranking-refresh", every = "${appeals.analytics.ranking.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        if (stopping) {
            return;
        }
        try {
            facts.readShared();
            QuarkusTransaction.requiringNew().run(() -> {
                rankings.pin(metrics.dashboardDefaults());
                int recomputed = rankings.refresh();
                if (recomputed > 0) {
                    LOG.debugf("%d rankings recomputed ahead of their readers", recomputed);
                }
            });
        } catch (RuntimeException e) {
            // readers compute what is not ready; the readiness check reports a database that cannot be read
            LOG.warnf("Rankings not refreshed: %s", e.toString());
        }
    }
}
