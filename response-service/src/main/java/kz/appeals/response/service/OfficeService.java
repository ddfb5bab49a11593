package kz.appeals.response.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
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
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAction;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.AppealEscalation;
import kz.appeals.response.domain.StatusChange;
import kz.appeals.response.service.AppealViews.AppealDetail;
import kz.appeals.response.service.AppealViews.AuditEntry;
import kz.appeals.response.service.AppealViews.InboxItem;
import kz.appeals.response.service.AppealViews.InboxPage;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a body does with the appeals in its inbox. Reads are scoped by the {@link Viewer}; actions only by an office
 * on its own body's appeals. An appeal outside the scope is "not found", never "forbidden", so that its existence
 * does not leak. Each action changes the appeal, writes the audit row and records the event in one transaction.
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
    private final AuditTrail trail;
    private final AppealEscalationRepository escalations;
    private final Outbox outbox;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public OfficeService(AppealRepository appeals, AppealAuditRepository audits, AuditTrail trail,
                         AppealEscalationRepository escalations, Outbox outbox, DeadlinePolicy deadlines,
                         Clock clock) {
        this.appeals = appeals;
        this.audits = audits;
        this.trail = trail;
        this.escalations = escalations;
        this.outbox = outbox;
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
        return detailOf(account, visible(account.viewer(), appealId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> audit(Viewer viewer, UUID appealId) {
        Appeal appeal = visible(viewer, appealId);
        return audits.history(appeal.id()).stream().map(AuditEntry::of).toList();
    }

    public AppealDetail acknowledge(OfficeAccount account, UUID appealId) {
        Appeal appeal = ownOffice(account, appealId);
        Instant now = now();
        StatusChange change = appeal.acknowledge(account.accountRef(), now);
        return commit(account, appeal, change, new Acknowledged(appeal.id(), appeal.bodyCode(), account.accountRef(),
                now));
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
        Appeal appeal = ownOffice(account, appealId);
        Instant now = now();
        StatusChange change = appeal.extend(newDueDate, reason, account.accountRef(), now, deadlines);
        return commit(account, appeal, change, new Extended(appeal.id(), appeal.bodyCode(), appeal.dueDate(),
                PublicText.redact(reason),
                account.accountRef(), now));
    }

    public AppealDetail answer(OfficeAccount account, UUID appealId, Outcome outcome, Language language,
                               String text) {
        Appeal appeal = ownOffice(account, appealId);
        Instant now = now();
        StatusChange change = appeal.answer(outcome, language, text, account.accountRef(), now);
        return commit(account, appeal, change, new Answered(appeal.id(), appeal.bodyCode(), outcome, language,
                PublicText.redact(text),
                appeal.cycle(), account.accountRef(), now));
    }

    public AppealDetail redirect(OfficeAccount account, UUID appealId, String reason) {
        Appeal appeal = ownOffice(account, appealId);
        Instant now = now();
        StatusChange change = appeal.requestRedirect(reason, account.accountRef(), now);
        return commit(account, appeal, change, new RedirectRequested(appeal.id(), appeal.bodyCode(),
                PublicText.redact(reason),
                account.accountRef(), now));
    }

    /**
     * The higher body an appeal was escalated to takes it over (APPK Art. 91): the appeal moves to that body's inbox
     * in work, and the event says that body took it into work.
     */
    public AppealDetail takeOver(OfficeAccount account, UUID appealId) {
        Appeal appeal = visible(account.viewer(), appealId);
        AppealEscalation escalation = escalationTo(account.viewer(), appeal)
                .orElseThrow(() -> new ProblemException(Problem.of(403, "not-escalated-to-caller", "Forbidden",
                        "Only the body the appeal was escalated to may take it over")));
        Instant now = now();
        StatusChange change = appeal.takeOver(escalation, account.accountRef(), now);
        return commit(account, appeal, change, new Acknowledged(appeal.id(), appeal.bodyCode(), account.accountRef(),
                now));
    }

    private AppealDetail commit(OfficeAccount account, Appeal appeal, StatusChange change, AppealEvent event) {
        // Flushing here makes a lost race with another account fail inside this method, as an
        // OptimisticLockException the API answers with 409, rather than later at commit. The race shows either as a
        // stale @Version or, for two answers at once, as the second answer of the cycle hitting its unique key
        // (this flush inserts the answer row before it updates the appeal row; the outbox's row waits for commit).
        try {
            audits.persist(new AppealAudit(appeal.id(), change));
            trail.record(change.action(), "appeal:" + appeal.id(), change.summary());
            outbox.record(event);
            appeals.flush();
        } catch (ConstraintViolationException e) {
            if (e.getConstraintName() != null && e.getConstraintName().startsWith("appeal_answer")) {
                throw new OptimisticLockException("Another account answered this cycle at the same time", e);
            }
            throw e;
        }
        return detailOf(account, appeal);
    }

    private AppealDetail detailOf(OfficeAccount account, Appeal appeal) {
        LocalDate today = today();
        List<InboxItem> related = appeals.list(InboxSql.related(account.viewer(), appeal.id(), appeal.issueId(),
                        RELATED_LIMIT)).stream()
                .map(other -> InboxItem.of(other, today)).toList();
        Set<AppealAction.Party> parties = account.viewer().holds(appeal.bodyKato()) ? account.partiesOnOwnAppeal()
                : escalationTo(account.viewer(), appeal).isPresent() ? Set.of(AppealAction.Party.HIGHER_BODY)
                : Set.of();
        return AppealDetail.of(appeal, parties, deadlines, escalations.forAppeal(appeal.id()),
                audits.history(appeal.id()), related);
    }

    /** The appeal if the viewer may read it. */
    private Appeal visible(Viewer viewer, UUID appealId) {
        if (appeals.count(InboxSql.visible(viewer, appealId)) == 0) {
            throw notInScope(appealId);
        }
        return appeals.findById(appealId);
    }

    /** The appeal if the caller's body holds it: only that body acts on it; a higher body reading it may not. */
    private Appeal ownOffice(OfficeAccount account, UUID appealId) {
        Appeal held = appeals.findById(appealId);
        if (held != null && account.viewer().holds(held.bodyKato())) {
            return held;
        }
        // Not the caller's: 403 if the caller may at least read it, 404 otherwise.
        Appeal appeal = visible(account.viewer(), appealId);
        if (!account.viewer().holds(appeal.bodyKato())) {
            throw new ProblemException(Problem.of(403, "read-only", "Forbidden",
                    "A higher body reads its subordinates' appeals; the body that holds the appeal acts on it"));
        }
        return appeal;
    }

    private Optional<AppealEscalation> escalationTo(Viewer viewer, Appeal appeal) {
        return escalations.forAppeal(appeal.id()).stream()
                .filter(escalation -> viewer.holds(escalation.toBodyKato())).findFirst();
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
