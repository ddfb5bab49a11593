package kz.appeals.escalation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.appk.AppkTerms;
import kz.appeals.escalation.config.EscalationConfig;
import org.jboss.logging.Logger;

/** Finds lapsed terms on a fixed interval, one transaction per batch, until a batch comes back short. */
@ApplicationScoped
public class LapseSweeper {

    private static final Logger LOG = Logger.getLogger(LapseSweeper.class);

    private final LapseService lapses;
    private final EscalationConfig config;

    public LapseSweeper(LapseService lapses, EscalationConfig config) {
        this.lapses = lapses;
        this.config = config;
    }

    @Scheduled(identity = "lapse-sweeper", every = "${appeals.escalation.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int batchSize = config.sweepBatchSize();
        int total = 0;
        int lapsed;
        do {
            lapsed = lapses.lapseNextBatch(batchSize);
            total += lapsed;
        } while (lapsed == batchSize);
        if (total > 0) {
            LOG.infof("Lapsed %d deadline(s): deemed refused (%s)", total,
                    AppkTerms.cite(AppkTerms.DEEMED_REFUSAL_ARTICLE));
        }
    }
}
