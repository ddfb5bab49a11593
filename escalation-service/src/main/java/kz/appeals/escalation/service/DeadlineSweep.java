package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One batch of the sweep: the deadlines with something due today — a warning, or a lapse with its deemed refusal
 * and escalation. A deadline's change and the events it causes commit together under its row lock, so each
 * warning and each escalation is published exactly once however many replicas sweep.
 */
@ApplicationScoped
@Transactional
public class DeadlineSweep {

    private final DeadlineRepository deadlines;
    private final ClockRules rules;
    private final Outbox outbox;
    private final Clock clock;

    public DeadlineSweep(DeadlineRepository deadlines, ClockRules rules, Outbox outbox, Clock clock) {
        this.deadlines = deadlines;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many deadlines this batch handled (each one's next wake-up is then later than today) */
    public int sweepNextBatch(int batchSize) {
        // The outbox writes a native statement, before which Hibernate would flush, dirty-checking every deadline
        // of the batch: flush once, at commit, with the updates batched. The batch's events go in one statement.
        deadlines.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppkTerms.NATIONAL_OFFSET);
        int handled = 0;
        List<AppealEvent> caused = new ArrayList<>();
        for (Deadline deadline : deadlines.lockWakingBy(today, batchSize)) {
            caused.addAll(deadline.sweep(today, now, rules));
            handled++;
        }
        if (!caused.isEmpty()) {
            outbox.recordAll(caused);
        }
        return handled;
    }
}
