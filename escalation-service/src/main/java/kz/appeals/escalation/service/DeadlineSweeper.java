package kz.appeals.escalation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.escalation.config.EscalationConfig;
import org.jboss.logging.Logger;

/** Runs the sweep on a fixed interval, one transaction per batch, until a batch comes back short. */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    private final DeadlineSweep sweep;
    private final EscalationConfig config;

    public DeadlineSweeper(DeadlineSweep sweep, EscalationConfig config) {
        this.sweep = sweep;
        this.config = config;
    }

    @Scheduled(identity = "deadline-sweeper", every = "${appeals.escalation.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int batchSize = config.sweepBatchSize();
        long started = System.nanoTime();
        int total = 0;
        int handled;
        do {
            handled = sweep.sweepNextBatch(batchSize);
            total += handled;
        } while (handled == batchSize);
        double millis = (System.nanoTime() - started) / 1e6;
        if (total > 0) {
            LOG.infof("Sweep handled %d deadline(s) (warnings, deemed refusals, escalations) in %.1f ms", total, millis);
        } else {
            LOG.debugf("Sweep found nothing due in %.3f ms", millis);
        }
    }
}
