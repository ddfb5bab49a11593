package kz.appeals.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps the rankings dashboards read computed ahead of them: every {@code refresh-every} it reads whether any
 * replica changed the facts and, at most a fifth of the time, pins the dashboard's default rankings and recomputes
 * the warm ones that changed ({@link RankingCache#refresh}).
 */
@ApplicationScoped
public class RankingRefresher {

    private static final Logger LOG = Logger.getLogger(RankingRefresher.class);

    /**
     * After a pass that took t, the next waits 4 t: at national scale a region's ranking over a year is seconds of
     * database time, and the facts change all day, so without a bound the refresher would keep a database core busy.
     * Readers of a changed ranking meanwhile compute it themselves.
     */
    static final int IDLE_PER_BUSY = 4;

    private final FactsVersion facts;
    private final MetricsService metrics;
    private final RankingCache rankings;
    private volatile boolean stopping;
    /** System.nanoTime() before which no refresh pass starts (see {@link #IDLE_PER_BUSY}). */
    private volatile long nextPassAt = System.nanoTime();

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
            long started = System.nanoTime();
            if (started < nextPassAt) {
                return;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                rankings.pin(metrics.dashboardDefaults());
                int recomputed = rankings.refresh();
                if (recomputed > 0) {
                    LOG.debugf("%d rankings recomputed ahead of their readers", recomputed);
                }
            });
            long finished = System.nanoTime();
            nextPassAt = finished + IDLE_PER_BUSY * (finished - started);
        } catch (RuntimeException e) {
            // readers compute what is not ready; the readiness check reports a database that cannot be read
            LOG.warnf("Rankings not refreshed: %s", e.toString());
        }
    }
}
