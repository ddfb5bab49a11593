package kz.appeals.response.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.Assignment;
import kz.appeals.response.domain.Assignment.Kind;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies what other services decided about an appeal: intake names the applicant by pseudonym, routing puts it into
 * a body's inbox or moves it, escalation records that a higher body oversees it and publishes the due dates a
 * calendar load moved. Runs inside the inbox transaction,
 * so each event takes effect once. A polled batch costs a few statements whatever its size: the state it needs is
 * read in one query per table, changed in memory by the appeal's rules in delivery order, and written back in one
 * statement per table.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class LifecycleEventService {

    private static final Logger LOG = Logger.getLogger(LifecycleEventService.class);

    private final AgroalDataSource dataSource;
    private final DeadlinePolicy deadlines;

    public LifecycleEventService(AgroalDataSource dataSource, DeadlinePolicy deadlines) {
        this.dataSource = dataSource;
        this.deadlines = deadlines;
    }

    /** @param events first deliveries, in the order their partitions delivered them */
    public void applyAll(List<IncomingEvent> events) {
        Set<UUID> lifecycles = new LinkedHashSet<>();
        for (IncomingEvent event : events) {
            if (event.type() != EventType.SUBMITTED) {
                lifecycles.add(event.dataAs(AppealEvents.AppealEvent.class).appealId());
            }
        }
        // the pool hands the connection enlisted in the inbox's transaction
        try (Connection connection = dataSource.getConnection()) {
            AppealTable.lockLifecycles(connection, lifecycles);
            Batch batch = new Batch(AppealTable.lockAndRead(connection, lifecycles),
                    AppealEscalationTable.forAppeals(connection, lifecycles));
            events.forEach(batch::apply);
            batch.write(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("response-service: lifecycle events could not be applied: "
                    + e.getMessage(), e);
        }
    }

    /** A batch's appeals, escalations and applicants, as stored and as changed by the batch's events so far. */
    private final class Batch {

        private final Map<UUID, Appeal.Snapshot> stored;
        private final Map<UUID, Appeal> appeals = new LinkedHashMap<>();
        /** Each appeal's escalations in the order they happened, those of this batch included. */
        private final Map<UUID, List<AppealEscalationTable.Row>> escalations = new LinkedHashMap<>();
        private final List<AppealEscalationTable.Row> newEscalations = new ArrayList<>();
        private final List<AppealAuditTable.Row> audit = new ArrayList<>();
        private final Map<UUID, String> newApplicants = new LinkedHashMap<>();

        Batch(Map<UUID, Appeal.Snapshot> stored, List<AppealEscalationTable.Row> storedEscalations) {
            this.stored = stored;
            stored.values().forEach(appeal -> appeals.put(appeal.id(), Appeal.restored(appeal)));
            storedEscalations.forEach(escalation -> escalationsOf(escalation.appealId()).add(escalation));
        }

        void apply(IncomingEvent event) {
            switch (event.type()) {
                case ROUTED -> assign(routed(event.dataAs(Routed.class), actor(event)));
                case REDIRECTED -> assign(redirected(event.dataAs(Redirected.class), actor(event)));
                case ESCALATED -> escalate(event.dataAs(Escalated.class));
                case DUE_DATE_RECALCULATED -> recalculated(event.dataAs(DueDateRecalculated.class));
                case SUBMITTED -> rememberApplicant(event.dataAs(Submitted.class));
                default -> throw new UnprocessableEventException("response-service does not handle " + event.type());
            }
        }

        private void assign(Assignment assignment) {
            UUID appealId = assignment.appealId();
            Appeal known = appeals.get(appealId);
            if (known == null) {
                Appeal appeal = Appeal.assigned(assignment, deadlines);
                latestEscalation(appealId).ifPresent(before -> appeal.markEscalated(before.dueDate()));
                appeals.put(appealId, appeal);
                audit.add(new AppealAuditTable.Row(appealId, appeal.arrival(assignment)));
                return;
            }
            known.reassign(assignment, deadlines).ifPresentOrElse(
                    change -> audit.add(new AppealAuditTable.Row(appealId, change)),
                    () -> LOG.debugf("%s of %s to %s changed no status", assignment.kind(), appealId,
                            assignment.bodyCode()));
        }

        /** An anonymous signal has no applicant, so nobody can rate or reopen it. */
        private void rememberApplicant(Submitted submitted) {
            if (submitted.applicantRef() != null) {
                newApplicants.putIfAbsent(submitted.appealId(), submitted.applicantRef());
            }
        }

        private void escalate(Escalated escalated) {
            List<AppealEscalationTable.Row> known = escalationsOf(escalated.appealId());
            if (known.stream().anyMatch(escalation -> escalation.toBodyCode().equals(escalated.toBody().code()))) {
                return;
            }
            // at the database's precision, so that the order among an appeal's escalations is the stored one
            AppealEscalationTable.Row escalation = new AppealEscalationTable.Row(escalated.appealId(),
                    escalated.fromBody().code(), escalated.toBody().code(), escalated.toBody().level(),
                    escalated.toBody().katoCode(), escalated.occurredAt().truncatedTo(ChronoUnit.MICROS),
                    escalated.newDueDate());
            int position = known.size();
            while (position > 0 && known.get(position - 1).escalatedAt().isAfter(escalation.escalatedAt())) {
                position--;
            }
            known.add(position, escalation);
            newEscalations.add(escalation);
            Appeal appeal = appeals.get(escalated.appealId());
            if (appeal != null) {
                appeal.markEscalated(escalated.newDueDate());
            }
        }

        /**
         * The escalation service's new due date, for the term the appeal shows ({@link Appeal#dueDateRecalculated}).
         */
        private void recalculated(DueDateRecalculated recalculated) {
            Appeal appeal = appeals.get(recalculated.appealId());
            if (appeal == null) {
                LOG.debugf("due date of %s recalculated before it was routed here", recalculated.appealId());
                return;
            }
            String holder = appeal.escalated() ? latestEscalation(appeal.id())
                    .map(AppealEscalationTable.Row::toBodyCode).orElse(appeal.bodyCode()) : appeal.bodyCode();
            if (!appeal.dueDateRecalculated(holder, recalculated.bodyCode(), recalculated.cycle(),
                    recalculated.previousDueDate(), recalculated.dueDate())) {
                LOG.debugf("due date of %s recalculated for a term it no longer shows (%s, cycle %d, %s)",
                        recalculated.appealId(), recalculated.bodyCode(), recalculated.cycle(),
                        recalculated.previousDueDate());
            }
        }

        private Optional<AppealEscalationTable.Row> latestEscalation(UUID appealId) {
            List<AppealEscalationTable.Row> known = escalationsOf(appealId);
            return known.isEmpty() ? Optional.empty() : Optional.of(known.get(known.size() - 1));
        }

        private List<AppealEscalationTable.Row> escalationsOf(UUID appealId) {
            return escalations.computeIfAbsent(appealId, id -> new ArrayList<>());
        }

        /** Appeals first: the audit rows refer to them. An appeal the batch left as it was is not written. */
        void write(Connection connection) throws SQLException {
            AppealTable.write(connection, appeals.values().stream().map(Appeal::snapshot)
                    .filter(appeal -> !appeal.equals(stored.get(appeal.id()))).toList());
            AppealEscalationTable.insert(connection, newEscalations);
            AppealAuditTable.insert(connection, audit);
            AppealApplicantTable.insert(connection, newApplicants);
        }
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
