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
 * open past a legal term (escalated and still unanswered, or lapsed at the top of the ladder). Counted on a schedule,
 * never on the scrape thread, and alike by every replica (one table), so dashboards take the max over pods.
 */
@ApplicationScoped
public class DeadlineMetrics {

    private static final Logger LOG = Logger.getLogger(DeadlineMetrics.class);

    record Counts(long open, long overdue) {
        static final Counts NONE = new Counts(0, 0);
    }

    private final EntityManager entityManager;
    private final AtomicReference<Map<BodyLevel, Counts>> last = new AtomicReference<>(Map.of());

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
    public void count() {
        try {
            last.set(QuarkusTransaction.requiringNew().call(this::countByLevel));
        } catch (RuntimeException e) {
            // The gauges keep the last counts; the outbox health check reports a database that cannot be read.
            LOG.warnf("Deadline gauges not recounted: %s", e.toString());
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
