package kz.appeals.response.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.RedirectRequested;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAction;
import kz.appeals.response.domain.StatusChange;
import kz.appeals.response.service.AppealViews.AppealDetail;
import kz.appeals.response.service.AppealViews.AuditEntry;
import kz.appeals.response.service.AppealViews.Escalation;
import kz.appeals.response.service.AppealViews.InboxItem;
import kz.appeals.response.service.AppealViews.InboxPage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a body does with the appeals in its inbox. Reads are scoped by the {@link Viewer}; actions only by an office
 * on its own body's appeals. An appeal outside the scope is "not found", never "forbidden", so that its existence
 * does not leak. Each action changes the appeal, writes the audit row and records the event in one transaction.
 * The screens read through Panache; the actions, the busy path, read and write in plain JDBC ({@link #act}).
 * The office's free text goes onto the topic as its public copy (IINs, phones, e-mails masked); the citizen and the
 * office read it unmasked here.
 */
@ApplicationScoped
@Transactional
public class OfficeService {

    /** Related appeals shown in a detail, at most. */
    static final int RELATED_LIMIT = 20;

    private final AppealRepository appeals;
    private final AppealAuditRepository audits;
    private final AppealEscalationRepository escalations;
    private final AgroalDataSource dataSource;
    private final AppealActions actions;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public OfficeService(AppealRepository appeals, AppealAuditRepository audits,
                         AppealEscalationRepository escalations, AgroalDataSource dataSource, AppealActions actions,
                         DeadlinePolicy deadlines, Clock clock) {
        this.appeals = appeals;
        this.audits = audits;
        this.escalations = escalations;
        this.dataSource = dataSource;
        this.actions = actions;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InboxPage inbox(Viewer viewer, InboxFilter filter, int page, int size) {
        LocalDate today = today();
        LocalDate dueBy = filter.dueWithinWorkingDays() == null ? null
                : deadlines.calendar().addWorkingDays(today, filter.dueWithinWorkingDays());
        List<InboxItem> items = appeals.list(InboxSql.page(viewer, filter, today, dueBy, page, size)).stream()
                .map(appeal -> InboxItem.of(appeal, today)).toList();
        long total = appeals.count(InboxSql.count(viewer, filter, today, dueBy));
        return new InboxPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppealDetail detail(OfficeAccount account, UUID appealId) {
        Appeal appeal = visible(account.viewer(), appealId);
        LocalDate today = today();
        List<InboxItem> related = appeals.list(InboxSql.related(account.viewer(), appeal.id(), appeal.issueId(),
                        RELATED_LIMIT)).stream()
                .map(other -> InboxItem.of(other, today)).toList();
        List<Escalation> escalated = escalations.forAppeal(appeal.id()).stream().map(Escalation::of).toList();
        return AppealDetail.of(appeal, parties(account, appeal, escalated), deadlines, escalated,
                audit(appeal), related);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> audit(Viewer viewer, UUID appealId) {
        return audit(visible(viewer, appealId));
    }

    private List<AuditEntry> audit(Appeal appeal) {
        return audits.history(appeal.id()).stream().map(AuditEntry::of).toList();
    }

    /** The appeal if the viewer may read it. */
    private Appeal visible(Viewer viewer, UUID appealId) {
        if (appeals.count(InboxSql.visible(viewer, appealId)) == 0) {
            throw notInScope(appealId);
        }
        return appeals.findById(appealId);
    }

    public AppealDetail acknowledge(OfficeAccount account, UUID appealId) {
        return act(account, appealId, Holding.OWN, (appeal, escalated, now) -> new Step(
                appeal.acknowledge(account.accountRef(), now),
                new Acknowledged(appeal.id(), appeal.bodyCode(), account.accountRef(), now)));
    }

    /**
     * APPK Art. 76: the head of the body (or a deputy) extends the term by a reasoned decision; the event carries the
     * new due date so that the applicant is told within the notice term.
     */
    public AppealDetail extend(OfficeAccount account, UUID appealId, LocalDate newDueDate, String reason) {
        if (!account.headOfBody()) {
            throw new ProblemException(Problem.of(403, "head-of-body-only", "Forbidden",
                    "Only the head of the body or a deputy may extend the term ("
                            + AppkTerms.EXTENSION_CAP.citation() + ")"));
        }
        return act(account, appealId, Holding.OWN, (appeal, escalated, now) -> new Step(
                appeal.extend(newDueDate, reason, account.accountRef(), now, deadlines),
                new Extended(appeal.id(), appeal.bodyCode(), appeal.dueDate(), PublicText.redact(reason),
                        account.accountRef(), now)));
    }

    public AppealDetail answer(OfficeAccount account, UUID appealId, Outcome outcome, Language language,
                               String text) {
        return act(account, appealId, Holding.OWN, (appeal, escalated, now) -> new Step(
                appeal.answer(outcome, language, text, account.accountRef(), now),
                new Answered(appeal.id(), appeal.bodyCode(), outcome, language, PublicText.redact(text),
                        appeal.cycle(), account.accountRef(), now)));
    }

    public AppealDetail redirect(OfficeAccount account, UUID appealId, String reason) {
        return act(account, appealId, Holding.OWN, (appeal, escalated, now) -> new Step(
                appeal.requestRedirect(reason, account.accountRef(), now),
                new RedirectRequested(appeal.id(), appeal.bodyCode(), PublicText.redact(reason),
                        account.accountRef(), now)));
    }

    /**
     * The higher body an appeal was escalated to takes it over (APPK Art. 91): the appeal moves to that body's inbox
     * in work, and the event says that body took it into work.
     */
    public AppealDetail takeOver(OfficeAccount account, UUID appealId) {
        return act(account, appealId, Holding.ESCALATED_TO_CALLER, (appeal, escalated, now) -> {
            Escalation escalation = escalationTo(account.viewer(), escalated).orElseThrow();
            return new Step(appeal.takeOver(escalation.toBodyCode(), escalation.toBodyKato(), account.accountRef(),
                    now), new Acknowledged(appeal.id(), appeal.bodyCode(), account.accountRef(), now));
        });
    }

    /** Who may take an action: the body holding the appeal, or the body it was escalated to (a take-over). */
    private enum Holding { OWN, ESCALATED_TO_CALLER }

    /** What an action decided: the status change, and its event, built after the change from the changed appeal. */
    private record Step(StatusChange change, AppealEvent event) {
    }

    @FunctionalInterface
    private interface Decision {
        Step decide(Appeal appeal, List<Escalation> escalated, Instant now);
    }

    /**
     * An action without the ORM: the appeal is read in one statement and changed by its state machine, the change
     * written by {@link AppealActions#save}, and the detail built from what is in memory plus the escalations, the
     * history before this change and the related appeals (a query each).
     */
    private AppealDetail act(OfficeAccount account, UUID appealId, Holding holding, Decision decision) {
        // the pool hands the connection enlisted in this transaction
        try (Connection connection = dataSource.getConnection()) {
            AppealTable.Held held = AppealTable.read(connection, appealId).orElse(null);
            List<Escalation> escalated = held == null ? List.of()
                    : AppealEscalationTable.forAppeals(connection, List.of(appealId)).stream()
                    .map(Escalation::of).toList();
            mayAct(connection, account, appealId, held, escalated, holding);
            Appeal appeal = held.restore();
            Step step = decision.decide(appeal, escalated, now());
            List<AuditEntry> history = new ArrayList<>();
            AppealAuditTable.history(connection, appealId).forEach(change -> history.add(AuditEntry.of(change)));
            actions.save(connection, held, appeal, step.change(), step.event());
            history.add(AuditEntry.of(step.change()));
            LocalDate today = today();
            List<InboxItem> related = AppealTable.list(connection,
                            InboxSql.related(account.viewer(), appealId, appeal.issueId(), RELATED_LIMIT)).stream()
                    .map(other -> InboxItem.of(Appeal.restored(other), today)).toList();
            return AppealDetail.of(appeal, parties(account, appeal, escalated), deadlines, escalated, history,
                    related);
        } catch (SQLException e) {
            throw new IllegalStateException("response-service: the action on " + appealId + " could not be applied: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether the caller may take the action: the body holding the appeal may, and the body it was escalated to may
     * take it over. Otherwise 403 if the caller may at least read the appeal, 404 if not, so that its existence does
     * not leak.
     */
    private static void mayAct(Connection connection, OfficeAccount account, UUID appealId, AppealTable.Held held,
                               List<Escalation> escalated, Holding holding) throws SQLException {
        if (holding == Holding.OWN && held != null && account.viewer().holds(held.appeal().bodyKato())) {
            return;
        }
        if (held == null || AppealTable.count(connection, InboxSql.visible(account.viewer(), appealId)) == 0) {
            throw notInScope(appealId);
        }
        if (holding == Holding.OWN) {
            throw new ProblemException(Problem.of(403, "read-only", "Forbidden",
                    "A higher body reads its subordinates' appeals; the body that holds the appeal acts on it"));
        }
        if (escalationTo(account.viewer(), escalated).isEmpty()) {
            throw new ProblemException(Problem.of(403, "not-escalated-to-caller", "Forbidden",
                    "Only the body the appeal was escalated to may take it over"));
        }
    }

    /** The parties whose actions the caller is offered: its own body's, a higher body's, or none (read only). */
    private static Set<AppealAction.Party> parties(OfficeAccount account, Appeal appeal,
                                                   List<Escalation> escalated) {
        return account.viewer().holds(appeal.bodyKato()) ? account.partiesOnOwnAppeal()
                : escalationTo(account.viewer(), escalated).isPresent() ? Set.of(AppealAction.Party.HIGHER_BODY)
                : Set.of();
    }

    private static Optional<Escalation> escalationTo(Viewer viewer, List<Escalation> escalated) {
        return escalated.stream().filter(escalation -> viewer.holds(escalation.toBodyKato())).findFirst();
    }

    private static ProblemException notInScope(UUID appealId) {
        return ProblemException.notFound("No appeal " + appealId + " in this body's inbox");
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AppkTerms.NATIONAL_OFFSET);
    }

    /** Microseconds: what PostgreSQL stores, so the event and the row carry the same instant. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
