package kz.appeals.intake.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The citizen's side of an appeal after registration: records each lifecycle event intake consumes back as a step,
 * refolds the appeal's progress, and answers the citizen's "where is my appeal?".
 */
@ApplicationScoped
public class CitizenTimeline {

    private static final Logger LOG = Logger.getLogger(CitizenTimeline.class);
    /** The steps of routing's decisions, which hold or release the body the term runs for. */
    private static final Set<AppealStep.Kind> ROUTING_STEPS = Set.of(AppealStep.Kind.ROUTED,
            AppealStep.Kind.REDIRECTED, AppealStep.Kind.UNDER_REVIEW);

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final TimelineTable table;
    private final AppealLookup lookup;
    private final ApplicantPseudonyms pseudonyms;
    private final DeadlinePolicy deadlines;

    public CitizenTimeline(EntityManager entityManager, AgroalDataSource dataSource, TimelineTable table,
                           AppealLookup lookup, ApplicantPseudonyms pseudonyms, DeadlinePolicy deadlines) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.table = table;
        this.lookup = lookup;
        this.pseudonyms = pseudonyms;
        this.deadlines = deadlines;
    }

    /**
     * The events of a polled batch (or one event, when its batch failed), in delivery order, inside the inbox
     * transaction: the steps, the progress and the inbox rows commit together. The batch's appeals are locked and
     * read at once; each event's step is folded into its appeal's progress in memory, in delivery order, so several
     * events of one appeal apply as they would one by one; the new steps and the changed progress are then written
     * with one statement per table.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<IncomingEvent> events) {
        Set<UUID> appealIds = events.stream().map(CitizenTimeline::appealIdOf).collect(Collectors.toSet());
        // the pool hands the connection enlisted in the inbox transaction
        try (Connection connection = dataSource.getConnection()) {
            Map<UUID, TimelineTable.Timeline> timelines = table.lockAndRead(connection, appealIds);
            List<AppealStep> newSteps = new ArrayList<>(events.size());
            Map<UUID, AppealProgress> changed = new LinkedHashMap<>();
            for (IncomingEvent event : events) {
                UUID appealId = appealIdOf(event);
                TimelineTable.Timeline timeline = timelines.get(appealId);
                if (timeline == null) {
                    LOG.warnf("%s %s is about appeal %s, which this intake never registered: not shown to anyone",
                            event.type().wireName(), event.id(), appealId);
                    continue;
                }
                AppealStep step = stepOf(event, timeline.steps());
                step.eventId = event.id();
                step.appealId = appealId;
                newSteps.add(step);
                timeline.steps().add(step);
                CitizenProgressPolicy.fold(timeline.progress(), timeline.steps());
                changed.put(appealId, timeline.progress());
            }
            table.insertSteps(connection, newSteps);
            table.saveProgress(connection, List.copyOf(changed.values()));
        } catch (SQLException e) {
            throw new IllegalStateException("The citizen's timeline could not be written: " + e.getMessage(), e);
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

    private static UUID appealIdOf(IncomingEvent event) {
        return ((AppealEvent) event.data()).appealId();
    }

    private List<AppealStep> stepsOf(UUID appealId) {
        return entityManager.createQuery("from AppealStep where appealId = ?1", AppealStep.class)
                .setParameter(1, appealId).getResultList();
    }

    /** @param before the appeal's steps recorded so far (routing's, which come in order on their topic, among them) */
    private AppealStep stepOf(IncomingEvent event, List<AppealStep> before) {
        AppealStep step = new AppealStep();
        step.occurredAt = event.data().occurredAt();
        switch (event.type()) {
            case ROUTED -> {
                AppealEvents.Routed routed = event.dataAs(AppealEvents.Routed.class);
                step.kind = AppealStep.Kind.ROUTED;
                body(step, routed.body());
                // As the escalation service's clock counts it: an operator placing an appeal its body disclaimed
                // gives the new body its own term from the placement, as a redirect does (APPK Art. 64 and 76); an
                // appeal triaged at its first decision, or routed at once, counts from registration.
                step.dueOn = deadlines.answerDue(placedAfterADisclaim(before)
                        ? deadlines.redirectedTermStart(routed.registrationDay(), routed.occurredAt())
                        : routed.registrationDay());
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
            case DUE_DATE_RECALCULATED -> {
                AppealEvents.DueDateRecalculated recalculated = event.dataAs(AppealEvents.DueDateRecalculated.class);
                step.kind = AppealStep.Kind.DUE_DATE_RECALCULATED;
                step.bodyCode = recalculated.bodyCode();
                step.cycle = recalculated.cycle();
                step.previousDueOn = recalculated.previousDueDate();
                step.dueOn = recalculated.dueDate();
            }
            default -> throw new IllegalArgumentException("Not a step of the citizen's timeline: " + event.type());
        }
        return step;
    }

    /**
     * Whether routing's last word before now was that the appeal waits for an operator after a body had it (the
     * body asked for a redirect and routing found no other): the escalation service then released that body, and
     * the one the operator names counts its term from the placement. An escalated appeal keeps the higher body's
     * term, as there.
     */
    private static boolean placedAfterADisclaim(List<AppealStep> before) {
        List<AppealStep> routing = before.stream().filter(step -> ROUTING_STEPS.contains(step.kind)
                || step.kind == AppealStep.Kind.ESCALATED).sorted(CitizenProgressPolicy.HAPPENED_ORDER).toList();
        if (routing.isEmpty() || routing.get(routing.size() - 1).kind != AppealStep.Kind.UNDER_REVIEW) {
            return false;
        }
        return routing.stream().noneMatch(step -> step.kind == AppealStep.Kind.ESCALATED)
                && routing.stream().anyMatch(step -> step.kind != AppealStep.Kind.UNDER_REVIEW);
    }

    private static void body(AppealStep step, AppealEvents.Body body) {
        step.bodyCode = body.code();
        step.bodyKato = body.katoCode();
        step.bodyNameKk = body.nameKk();
        step.bodyNameRu = body.nameRu();
    }
}
