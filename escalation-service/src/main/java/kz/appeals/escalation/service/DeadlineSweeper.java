package kz.appeals.escalation.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.escalation.config.EscalationConfig;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the sweep on a fixed interval: {@code sweep-workers} workers each take batches (one transaction each) until
 * one comes back short. They share the due rows through {@code SKIP LOCKED} exactly as replicas do, so a burst of
 * lapses (a holiday's worth, nationally) is not held to one connection's round trips.
 */
@ApplicationScoped
public class DeadlineSweeper {

    private static final Logger LOG = Logger.getLogger(DeadlineSweeper.class);

    private final DeadlineSweep sweep;
    private final EscalationConfig config;
    private final ExecutorService workers;

    public DeadlineSweeper(DeadlineSweep sweep, EscalationConfig config) {
        this.sweep = sweep;
        this.config = config;
        this.workers = Executors.newFixedThreadPool(config.sweepWorkers(), runnable -> {
            Thread thread = new Thread(runnable, "deadline-sweep");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(identity = "deadline-sweeper", every = "${appeals.escalation.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() throws InterruptedException, ExecutionException {
        long started = System.nanoTime();
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < config.sweepWorkers(); i++) {
            running.add(workers.submit(this::drain));
        }
        int total = 0;
        for (Future<Integer> worker : running) {
            total += worker.get();
        }
        double millis = (System.nanoTime() - started) / 1e6;
        if (total > 0) {
            LOG.infof("Sweep handled %d deadline(s) (warnings, deemed refusals, escalations) in %.1f ms", total, millis);
        } else {
            LOG.debugf("Sweep found nothing due in %.3f ms", millis);
        }
    }

    private int drain() {
        int batchSize = config.sweepBatchSize();
        int total = 0;
        int handled;
        do {
            handled = sweep.sweepNextBatch(batchSize);
            total += handled;
        } while (handled == batchSize);
        return total;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
