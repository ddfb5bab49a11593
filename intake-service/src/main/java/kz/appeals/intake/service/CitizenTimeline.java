package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.intake.api.AppealTimelineView;
import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.AppealProgress;
import kz.appeals.intake.domain.AppealStep;
import kz.appeals.intake.domain.CitizenProgressPolicy;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The citizen's side of an appeal after registration: records each lifecycle event intake consumes back as a step,
 * refolds the appeal's progress, and answers the citizen's "where is my appeal?".
 */
@ApplicationScoped
public class CitizenTimeline {

    private static final Logger LOG = Logger.getLogger(CitizenTimeline.class);

    private final EntityManager entityManager;
    private final AppealRepository appeals;
    private final AppealLookup lookup;
    private final ApplicantPseudonyms pseudonyms;
    private final DeadlinePolicy deadlines;

    public CitizenTimeline(EntityManager entityManager, AppealRepository appeals, AppealLookup lookup,
                           ApplicantPseudonyms pseudonyms, DeadlinePolicy deadlines) {
        this.entityManager = entityManager;
        this.appeals = appeals;
        this.lookup = lookup;
        this.pseudonyms = pseudonyms;
        this.deadlines = deadlines;
    }

    /** Runs inside the inbox transaction, so the step, the progress and the inbox row commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        UUID appealId = ((AppealEvent) event.data()).appealId();
        // Events of one appeal arrive on three topics at once: the row lock makes their folds take turns.
        Appeal appeal = appeals.findById(appealId, LockModeType.PESSIMISTIC_WRITE);
        if (appeal == null) {
            LOG.warnf("%s %s is about appeal %s, which this intake never registered: not shown to anyone",
                    event.type().wireName(), event.id(), appealId);
            return;
        }
        AppealStep step = stepOf(event);
        step.eventId = event.id();
        step.appealId = appealId;
        entityManager.persist(step);

        AppealProgress progress = entityManager.find(AppealProgress.class, appealId);
        boolean first = progress == null;
        if (first) {
            progress = new AppealProgress();
            progress.appealId = appealId;
        }
        CitizenProgressPolicy.fold(progress, stepsOf(appealId));
        if (first) {
            entityManager.persist(progress);
        }
    }

    /**
     * The appeal with every step, for the citizen who filed it. Another citizen's appeal is reported as not found,
     * so that receipt numbers cannot be probed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AppealTimelineView of(String receiptOrId, String citizenIin) {
        Optional<Appeal> appeal = lookup.find(receiptOrId)
                .filter(found -> pseudonyms.referenceFor(citizenIin).equals(found.applicantRef));
        if (appeal.isEmpty()) {
            throw ProblemException.notFound("You have no appeal " + receiptOrId);
        }
        UUID appealId = appeal.get().id;
        return AppealTimelineView.of(appeal.get(), Optional.ofNullable(entityManager.find(AppealProgress.class, appealId)),
                stepsOf(appealId).stream().sorted(CitizenProgressPolicy.HAPPENED_ORDER).toList());
    }

    private List<AppealStep> stepsOf(UUID appealId) {
        return entityManager.createQuery("from AppealStep where appealId = ?1", AppealStep.class)
                .setParameter(1, appealId).getResultList();
    }

    private AppealStep stepOf(IncomingEvent event) {
        AppealStep step = new AppealStep();
        step.occurredAt = event.data().occurredAt();
        switch (event.type()) {
            case ROUTED -> {
                AppealEvents.Routed routed = event.dataAs(AppealEvents.Routed.class);
                step.kind = AppealStep.Kind.ROUTED;
                body(step, routed.body());
                step.dueOn = deadlines.answerDue(routed.registrationDay());
            }
            case REDIRECTED -> {
                AppealEvents.Redirected redirected = event.dataAs(AppealEvents.Redirected.class);
                // The new body's own term, as the escalation service's clock counts it (APPK Art. 64 and 76).
                step.kind = AppealStep.Kind.REDIRECTED;
                body(step, redirected.body());
                step.text = redirected.reason();
                step.dueOn = deadlines.answerDue(
                        deadlines.redirectedTermStart(redirected.registrationDay(), redirected.occurredAt()));
            }
            case NEEDS_TRIAGE -> step.kind = AppealStep.Kind.UNDER_REVIEW;
            case OUTSIDE_COMPETENCE -> {
                step.kind = AppealStep.Kind.OUTSIDE_COMPETENCE;
                step.text = event.dataAs(AppealEvents.OutsideCompetence.class).reason();
            }
            case ACKNOWLEDGED -> step.kind = AppealStep.Kind.TAKEN_INTO_WORK;
            case EXTENDED -> {
                AppealEvents.Extended extended = event.dataAs(AppealEvents.Extended.class);
                step.kind = AppealStep.Kind.EXTENDED;
                step.dueOn = extended.newDueDate();
                step.text = extended.reason();
            }
            case REDIRECT_REQUESTED -> {
                step.kind = AppealStep.Kind.REDIRECT_REQUESTED;
                step.text = event.dataAs(AppealEvents.RedirectRequested.class).reason();
            }
            case ANSWERED -> {
                AppealEvents.Answered answered = event.dataAs(AppealEvents.Answered.class);
                step.kind = AppealStep.Kind.ANSWERED;
                step.outcome = answered.outcome().name();
                step.text = answered.text();
                step.cycle = answered.cycle();
            }
            case RATED -> {
                AppealEvents.Rated rated = event.dataAs(AppealEvents.Rated.class);
                step.kind = AppealStep.Kind.RATED;
                step.satisfied = rated.satisfied();
                step.text = rated.comment();
                step.cycle = rated.cycle();
            }
            case REOPENED -> {
                AppealEvents.Reopened reopened = event.dataAs(AppealEvents.Reopened.class);
                step.kind = AppealStep.Kind.REOPENED;
                step.text = reopened.reason();
                step.cycle = reopened.cycle();
                // response publishes the new cycle's due date; events from before that field are derived
                step.dueOn = reopened.newDueDate() != null ? reopened.newDueDate()
                        : deadlines.answerDue(deadlines.calendar().registrationDay(reopened.occurredAt()));
            }
            case DEEMED_REFUSED -> step.kind = AppealStep.Kind.DEEMED_REFUSED;
            case ESCALATED -> {
                AppealEvents.Escalated escalated = event.dataAs(AppealEvents.Escalated.class);
                step.kind = AppealStep.Kind.ESCALATED;
                body(step, escalated.toBody());
                step.dueOn = escalated.newDueDate();
            }
            default -> throw new IllegalArgumentException("Not a step of the citizen's timeline: " + event.type());
        }
        return step;
    }

    private static void body(AppealStep step, AppealEvents.Body body) {
        step.bodyCode = body.code();
        step.bodyKato = body.katoCode();
        step.bodyNameKk = body.nameKk();
        step.bodyNameRu = body.nameRu();
    }
}
