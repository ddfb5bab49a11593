package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.NeedsTriage;
import kz.appeals.contracts.AppealEvents.OutsideCompetence;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies what intake, routing and response report to the appeal's clock. Runs inside the inbox transaction, so
 * each event takes effect once, together with its inbox row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class DeadlineService {

    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    private final DeadlineRepository deadlines;
    private final ClockRules rules;
    private final Clock clock;

    public DeadlineService(DeadlineRepository deadlines, ClockRules rules, Clock clock) {
        this.deadlines = deadlines;
        this.rules = rules;
        this.clock = clock;
    }

    /** A polled batch's appeal locks, all at once and in one order (DeadlineRepository#lockAppeals). */
    public void lockAll(List<IncomingEvent> events) {
        deadlines.lockAppeals(events.stream().map(event -> event.dataAs(AppealEvent.class).appealId()).toList());
    }

    public void apply(IncomingEvent event) {
        Instant now = clock.instant();
        switch (event.type()) {
            case SUBMITTED -> {
                Submitted submitted = event.dataAs(Submitted.class);
                lock(submitted.appealId(), now).registered(submitted.registrationDay(), rules, now);
            }
            case ROUTED -> {
                Routed routed = event.dataAs(Routed.class);
                lock(routed.appealId(), now).assignedTo(AnsweringBody.of(routed.body()), routed.districtKato(),
                        routed.regionKato(), routed.higherBodies(), routed.registrationDay(), routed.occurredAt(),
                        rules, now);
            }
            case NEEDS_TRIAGE -> {
                NeedsTriage triage = event.dataAs(NeedsTriage.class);
                lock(triage.appealId(), now).awaitingTriage(triage.occurredAt(), rules, now);
            }
            case REDIRECTED -> {
                Redirected redirected = event.dataAs(Redirected.class);
                lock(redirected.appealId(), now).redirectedTo(AnsweringBody.of(redirected.body()),
                        redirected.districtKato(), redirected.regionKato(), redirected.higherBodies(),
                        redirected.registrationDay(), redirected.occurredAt(), rules, now);
            }
            // Routing found that no public body handles the matter and told the citizen so: that is the answer.
            case OUTSIDE_COMPETENCE -> lock(event.dataAs(OutsideCompetence.class).appealId(), now).answered(1, rules, now);
            case ANSWERED -> {
                Answered answered = event.dataAs(Answered.class);
                lock(answered.appealId(), now).answered(answered.cycle(), rules, now);
            }
            case EXTENDED -> {
                Extended extended = event.dataAs(Extended.class);
                lock(extended.appealId(), now).extended(extended.bodyCode(), extended.newDueDate(), rules, now)
                        .ifPresent(rejected -> LOG.warnf("Extension of appeal %s by %s to %s not applied, the "
                                        + "statutory due date stands: %s", extended.appealId(), extended.bodyCode(),
                                extended.newDueDate(), rejected.explanation()));
            }
            case REOPENED -> {
                Reopened reopened = event.dataAs(Reopened.class);
                // A reopening is received like a new appeal: APPK Art. 64 gives the day its new term counts from.
                lock(reopened.appealId(), now).reopened(reopened.cycle(),
                        rules.policy().calendar().registrationDay(reopened.occurredAt()), rules, now);
            }
            default -> throw new UnprocessableEventException("escalation-service does not handle " + event.type());
        }
    }

    private Deadline lock(UUID appealId, Instant now) {
        return deadlines.lockOrStart(appealId, now);
    }
}
