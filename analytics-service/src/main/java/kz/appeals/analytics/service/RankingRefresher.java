package kz.appeals.analytics.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.interceptor.Interceptor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the rankings dashboards read computed ahead of them: every {@code refresh-every} it reads whether any
 * replica changed the facts and, at most a fifth of the time, pins the dashboard's default rankings and recomputes
 * the warm ones that changed ({@link RankingCache#refresh}). The service is ready once its first pass is done
 * ({@link DashboardRankingsReadiness}).
 */
@ApplicationScoped
public class RankingRefresher {

    private static final Logger LOG = Logger.getLogger(RankingRefresher.class);

    /**
     * After a pass that took t, the next waits 4 t: at national scale a region's ranking over a year is seconds of
     * database time, and the facts change all day, so without a bound the refresher would keep a database core busy.
     * Readers of a changed ranking meanwhile are served it outdated within {@code serve-outdated-for}, and have it
     * recomputed in the background.
     */
    static final int IDLE_PER_BUSY = 4;

    private final FactsVersion facts;
    private final MetricsService metrics;
    private final RankingCache rankings;
    private final Clock clock;
    private volatile boolean started;
    private volatile boolean stopping;
    /** When the first pass had computed every region's default ranking; null before. */
    private volatile Instant defaultsComputedAt;
    /** When the last pass that ran to its end started: every ranking due then has been recomputed. */
    private volatile Instant lastPassStartedAt;
    /** System.nanoTime() before which no refresh pass starts (see {@link #IDLE_PER_BUSY}). */
    private volatile long nextPassAt = System.nanoTime();

    public RankingRefresher(FactsVersion facts, MetricsService metrics, RankingCache rankings, Clock clock) {
        this.facts = facts;
        this.metrics = metrics;
        this.rankings = rankings;
        this.clock = clock;
    }

    /** Null until a pass has computed the dashboard's default rankings (those of the regions known then). */
    public Instant defaultsComputedAt() {
        return defaultsComputedAt;
    }

    /** When the last complete pass started (null before the first): how far behind the refresher may be. */
    public Instant lastPassStartedAt() {
        return lastPassStartedAt;
    }

    /**
     * Ticks come from the scheduler's start, which is before a start's replay of history (HistoryReplay observes
     * the startup earlier) is done: a pass over the facts of then would rank an empty analytics and report ready.
     */
    void onStarted(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent start) {
        started = true;
    }

    /** A tick that starts while the service stops would find the database gone. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Scheduled(identity = "ranking-refresh", every = "${appeals.analytics.ranking.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        if (!started || stopping) {
            return;
        }
        try {
            facts.readShared();
            long started = System.nanoTime();
            if (started < nextPassAt) {
                return;
            }
            Instant startedAt = clock.instant();
            QuarkusTransaction.requiringNew().run(() -> rankings.pin(metrics.dashboardDefaults()));
            // each ranking is computed in a transaction of its own
            int recomputed = rankings.refresh();
            if (recomputed > 0) {
                LOG.debugf("%d rankings recomputed ahead of their readers", recomputed);
            }
            lastPassStartedAt = startedAt;
            if (defaultsComputedAt == null) {
                defaultsComputedAt = clock.instant();
                LOG.infof("Dashboard rankings computed: ready");
            }
            long finished = System.nanoTime();
            nextPassAt = finished + IDLE_PER_BUSY * (finished - started);
        } catch (RuntimeException e) {
            // readers compute what is not ready; before the first pass is done the service stays unready
            LOG.warnf("Rankings not refreshed: %s", e.toString());
        }
    }
}
