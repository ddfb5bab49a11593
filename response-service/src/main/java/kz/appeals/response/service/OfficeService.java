package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.RedirectRequested;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.domain.StatusChange;
import kz.appeals.response.service.AppealViews.AppealDetail;
import kz.appeals.response.service.AppealViews.AuditEntry;
import kz.appeals.response.service.AppealViews.InboxItem;
import kz.appeals.response.service.AppealViews.InboxPage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * What an office does with the appeals in its inbox. Every method is scoped to the office's KATO code: an appeal of
 * another body is "not found", never "forbidden", so that its existence does not leak. Each action changes the
 * status, writes the audit row and records the event in one transaction.
 */
@ApplicationScoped
@Transactional
public class OfficeService {

    private final AppealRepository appeals;
    private final AppealAuditRepository audits;
    private final AppealEscalationRepository escalations;
    private final Outbox outbox;

    public OfficeService(AppealRepository appeals, AppealAuditRepository audits,
                         AppealEscalationRepository escalations, Outbox outbox) {
        this.appeals = appeals;
        this.audits = audits;
        this.escalations = escalations;
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public InboxPage inbox(String officeKato, AppealStatus status, int page, int size) {
        PanacheQuery<Appeal> query = appeals.inbox(officeKato, status).page(Page.of(page, size));
        List<InboxItem> items = query.list().stream().map(InboxItem::of).toList();
        return new InboxPage(items, page, size, query.count(), query.pageCount());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AppealDetail detail(String officeKato, UUID appealId) {
        return detailOf(load(officeKato, appealId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> audit(String officeKato, UUID appealId) {
        Appeal appeal = load(officeKato, appealId);
        return audits.history(appeal.id()).stream().map(AuditEntry::of).toList();
    }

    public AppealDetail acknowledge(String officeKato, UUID appealId, String actor) {
        Appeal appeal = load(officeKato, appealId);
        Instant now = now();
        StatusChange change = appeal.acknowledge(actor, now);
        return commit(appeal, change, new Acknowledged(appeal.id(), appeal.bodyCode(), actor, now));
    }

    public AppealDetail answer(String officeKato, UUID appealId, Outcome outcome, Language language, String text,
                               String actor) {
        Appeal appeal = load(officeKato, appealId);
        Instant now = now();
        StatusChange change = appeal.answer(outcome, language, text, actor, now);
        return commit(appeal, change, new Answered(appeal.id(), appeal.bodyCode(), outcome, language, text,
                appeal.cycle(), actor, now));
    }

    public AppealDetail redirect(String officeKato, UUID appealId, String reason, String actor) {
        Appeal appeal = load(officeKato, appealId);
        Instant now = now();
        StatusChange change = appeal.requestRedirect(reason, actor, now);
        return commit(appeal, change, new RedirectRequested(appeal.id(), appeal.bodyCode(), reason, actor, now));
    }

    private AppealDetail commit(Appeal appeal, StatusChange change, AppealEvent event) {
        audits.persist(new AppealAudit(appeal.id(), change));
        outbox.record(event);
        // Flushing here makes a lost race with another account (stale @Version) fail inside this method, as an
        // OptimisticLockException the API answers with 409, rather than later at commit.
        appeals.flush();
        return detailOf(appeal);
    }

    private AppealDetail detailOf(Appeal appeal) {
        return AppealDetail.of(appeal, escalations.forAppeal(appeal.id()), audits.history(appeal.id()));
    }

    private Appeal load(String officeKato, UUID appealId) {
        return appeals.findForOffice(appealId, officeKato)
                .orElseThrow(() -> ProblemException.notFound("No appeal " + appealId + " in this office's inbox"));
    }

    /** Microseconds: what PostgreSQL stores, so the event and the row carry the same instant. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
