package kz.appeals.escalation.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock's state as gauges per level of the body that holds the appeal now: terms running, and appeals overdue —
 * open past a legal term (escalated and still unanswered, or lapsed at the top of the ladder). Counted on a schedule
 * when the deadlines changed, never on the scrape thread, and alike by every replica (one table), so dashboards take
 * the max over pods.
 */
@ApplicationScoped
public class DeadlineMetrics {

    private static final Logger LOG = Logger.getLogger(DeadlineMetrics.class);

    record Counts(long open, long overdue) {
        static final Counts NONE = new Counts(0, 0);
    }

    private final EntityManager entityManager;
    private final AtomicReference<Map<BodyLevel, Counts>> last = new AtomicReference<>(Map.of());
    /** The table's rows inserted, updated and deleted when it was last counted; none yet. */
    private volatile long writesCounted = Long.MIN_VALUE;

    public DeadlineMetrics(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        for (BodyLevel level : BodyLevel.values()) {
            String tag = level.name().toLowerCase().replace('_', '-');
            Gauge.builder("appeals.deadlines.open", last, counts -> counts.get().getOrDefault(level, Counts.NONE).open())
                    .description("Appeals whose term is running, by the level of the body holding them")
                    .tag("level", tag).register(registry);
            Gauge.builder("appeals.deadlines.overdue", last,
                            counts -> counts.get().getOrDefault(level, Counts.NONE).overdue())
                    .description("Open appeals past a legal term without an answer, by the level holding them now")
                    .tag("level", tag).register(registry);
        }
    }

    @Scheduled(identity = "deadline-metrics", every = "${appeals.escalation.metrics-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recount() {
        countIfWritten();
    }

    /**
     * Recounts if the deadlines were written since the last count, by any replica: PostgreSQL's statistics of the
     * table say so at the cost of one catalog row (they trail a commit by at most its idle flush, ten seconds). An idle
     * system's deadlines do not change, and counting a national year's open terms reads every one of them.
     *
     * @return whether it recounted
     */
    public boolean countIfWritten() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // read before counting: a write while counting is counted next time
                long writes = ((Number) entityManager.createNativeQuery("""
                        select coalesce(n_tup_ins + n_tup_upd + n_tup_del, -1) from pg_stat_user_tables
                        where relid = 'deadline'::regclass""").getSingleResult()).longValue();
                if (writes == writesCounted) {
                    return false;
                }
                last.set(countByLevel());
                writesCounted = writes;
                return true;
            });
        } catch (RuntimeException e) {
            // The gauges keep the last counts; the outbox health check reports a database that cannot be read.
            LOG.warnf("Deadline gauges not recounted: %s", e.toString());
            return false;
        }
    }

    Map<BodyLevel, Counts> countByLevel() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select coalesce(escalated_body_level, body_level),
                               count(*) filter (where status = 'RUNNING'),
                               count(*) filter (where status = 'LAPSED' or escalation_step > 0)
                        from deadline
                        where status <> 'STOPPED' and body_level is not null
                        group by 1""")
                .getResultList();
        Map<BodyLevel, Counts> counts = new EnumMap<>(BodyLevel.class);
        for (Object[] row : rows) {
            counts.put(BodyLevel.valueOf((String) row[0]),
                    new Counts(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return counts;
    }
}
