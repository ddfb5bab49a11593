package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.escalation.domain.EscalationLadder;
import kz.appeals.platform.outbox.Outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Lapses terms that have passed. The status change and the events it causes commit together, so a deadline is
 * lapsed, and its events published, exactly once however many replicas sweep.
 */
@ApplicationScoped
@Transactional
public class LapseService {

    private final DeadlineRepository deadlines;
    private final DeadlinePolicy policy;
    private final EscalationLadder ladder;
    private final Outbox outbox;
    private final Clock clock;

    public LapseService(DeadlineRepository deadlines, DeadlinePolicy policy, EscalationLadder ladder, Outbox outbox,
                        Clock clock) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.ladder = ladder;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** @return how many deadlines this batch lapsed */
    public int lapseNextBatch(int batchSize) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, AppkTerms.NATIONAL_OFFSET);
        int lapsed = 0;
        for (Deadline deadline : deadlines.lockDueBefore(today, batchSize)) {
            if (deadline.isLapsedOn(today, policy)) {
                lapse(deadline, today, now);
                lapsed++;
            }
        }
        return lapsed;
    }

    private void lapse(Deadline deadline, LocalDate today, Instant now) {
        deadline.lapse(today, policy, now);
        AnsweringBody body = deadline.body().orElseThrow();
        outbox.record(new DeemedRefused(deadline.appealId(), body.code(), body.level(), deadline.dueDate(), now));
        // The higher body takes the matter up as an appeal received now: registered under Art. 64, answered
        // within the Art. 76 term.
        ladder.nextRung(deadline).ifPresent(higher -> outbox.record(new Escalated(deadline.appealId(),
                body.toContract(), higher, deadline.dueDate(),
                policy.answerDue(policy.calendar().registrationDay(now)), now)));
    }
}
