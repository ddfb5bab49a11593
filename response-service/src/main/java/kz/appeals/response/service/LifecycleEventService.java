package kz.appeals.response.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealApplicant;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.AppealEscalation;
import kz.appeals.response.domain.Assignment;
import kz.appeals.response.domain.Assignment.Kind;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies what other services decided about an appeal: intake names the applicant by pseudonym, routing puts it into
 * a body's inbox or moves it, escalation records that a higher body oversees it. Runs inside the inbox transaction, so each event takes effect once.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LifecycleEventService {

    private static final Logger LOG = Logger.getLogger(LifecycleEventService.class);

    private final AppealRepository appeals;
    private final AppealAuditRepository audits;
    private final AppealEscalationRepository escalations;
    private final AppealApplicantRepository applicants;
    private final DeadlinePolicy deadlines;

    public LifecycleEventService(AppealRepository appeals, AppealAuditRepository audits,
                                 AppealEscalationRepository escalations, AppealApplicantRepository applicants,
                                 DeadlinePolicy deadlines) {
        this.appeals = appeals;
        this.audits = audits;
        this.escalations = escalations;
        this.applicants = applicants;
        this.deadlines = deadlines;
    }

    /** A polled batch's lifecycle locks, all at once and in one order (AppealRepository#lockLifecycle). */
    public void lockAll(List<IncomingEvent> events) {
        appeals.lockLifecycles(events.stream().filter(event -> event.type() != EventType.SUBMITTED)
                .map(event -> event.dataAs(AppealEvents.AppealEvent.class).appealId()).toList());
    }

    public void apply(IncomingEvent event) {
        if (event.type() != EventType.SUBMITTED) {
            appeals.lockLifecycles(List.of(event.dataAs(AppealEvents.AppealEvent.class).appealId()));
        }
        switch (event.type()) {
            case ROUTED -> assign(routed(event.dataAs(Routed.class), actor(event)));
            case REDIRECTED -> assign(redirected(event.dataAs(Redirected.class), actor(event)));
            case ESCALATED -> escalate(event.dataAs(Escalated.class));
            case SUBMITTED -> rememberApplicant(event.dataAs(Submitted.class));
            default -> throw new UnprocessableEventException("response-service does not handle " + event.type());
        }
    }

    private void assign(Assignment assignment) {
        UUID appealId = assignment.appealId();
        Optional<Appeal> known = appeals.findByIdOptional(appealId);
        if (known.isEmpty()) {
            Appeal appeal = Appeal.assigned(assignment, deadlines);
            List<AppealEscalation> before = escalations.forAppeal(appealId);
            if (!before.isEmpty()) {
                appeal.markEscalated(before.get(before.size() - 1).dueDate());
            }
            appeals.persist(appeal);
            audits.persist(new AppealAudit(appealId, appeal.arrival(assignment)));
            return;
        }
        known.get().reassign(assignment, deadlines).ifPresentOrElse(
                change -> audits.persist(new AppealAudit(appealId, change)),
                () -> LOG.debugf("%s of %s to %s changed no status", assignment.kind(), appealId,
                        assignment.bodyCode()));
    }

    /** An anonymous signal has no applicant, so nobody can rate or reopen it. */
    private void rememberApplicant(Submitted submitted) {
        if (submitted.applicantRef() != null && applicants.findById(submitted.appealId()) == null) {
            applicants.persist(new AppealApplicant(submitted.appealId(), submitted.applicantRef()));
        }
    }

    private void escalate(Escalated escalated) {
        if (escalations.exists(escalated.appealId(), escalated.toBody().code())) {
            return;
        }
        escalations.persist(new AppealEscalation(escalated.appealId(), escalated.fromBody().code(),
                escalated.toBody().code(), escalated.toBody().level(), escalated.toBody().katoCode(),
                escalated.occurredAt(), escalated.newDueDate()));
        appeals.findByIdOptional(escalated.appealId())
                .ifPresent(appeal -> appeal.markEscalated(escalated.newDueDate()));
    }

    private static Assignment routed(Routed e, String actor) {
        return new Assignment(Kind.ROUTED, e.appealId(), e.receiptNumber(), e.body().code(), e.body().katoCode(),
                e.ruralDistrictKato(), e.districtKato(), e.regionKato(), e.categoryCode(), e.appealType(),
                e.language(), e.description(), e.registrationDay(), e.reason(), actor, e.occurredAt(), e.issueId());
    }

    private static Assignment redirected(Redirected e, String actor) {
        return new Assignment(Kind.REDIRECTED, e.appealId(), e.receiptNumber(), e.body().code(), e.body().katoCode(),
                e.ruralDistrictKato(), e.districtKato(), e.regionKato(), e.categoryCode(), e.appealType(),
                e.language(), e.description(), e.registrationDay(), e.reason(), actor, e.occurredAt(), e.issueId());
    }

    /** The producing service, as the event's CloudEvents source names it. */
    private static String actor(IncomingEvent event) {
        return Objects.requireNonNullElse(event.source(), EventType.ROUTED.topic());
    }
}
