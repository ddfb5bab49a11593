package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Progress of the import running in this instance, for the admin API and the log: a national classifier has
 * tens of thousands of rows, and its importer wants to see it move.
 */
@ApplicationScoped
public class ImportProgress {

    private static final Logger LOG = Logger.getLogger(ImportProgress.class);

    public record Snapshot(String kind, String phase, int done, int total, Instant startedAt, Instant finishedAt,
                           String outcome) {
        public int percent() {
            return total == 0 ? 100 : (int) (100L * done / total);
        }
    }

    private final Clock clock;
    private volatile Snapshot current;

    public ImportProgress(Clock clock) {
        this.clock = clock;
    }

    public void start(String kind, int total) {
        current = new Snapshot(kind, "validating", 0, total, clock.instant(), null, null);
        LOG.infof("Import of %s started: %d rows", kind, total);
    }

    public void advance(String phase, int done) {
        Snapshot before = current;
        current = new Snapshot(before.kind(), phase, done, before.total(), before.startedAt(), null, null);
        if (before.total() >= 1000 && done * 10 / before.total() != before.done() * 10 / before.total()) {
            LOG.infof("Import of %s: %s %d of %d rows (%d%%)", before.kind(), phase, done, before.total(),
                    current.percent());
        }
    }

    public void finish(String outcome) {
        Snapshot before = current;
        if (before != null) {
            current = new Snapshot(before.kind(), "finished", before.done(), before.total(), before.startedAt(),
                    clock.instant(), outcome);
            LOG.infof("Import of %s finished: %s", before.kind(), outcome);
        }
    }

    public Optional<Snapshot> current() {
        return Optional.ofNullable(current);
    }
}
