package kz.appeals.response.service;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.AppealEscalation;
import kz.appeals.response.domain.AppealLifecycle;
import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.domain.OfficeAction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the office API shows: read models built from the entities inside the transaction, never the entities. */
public final class AppealViews {

    public record InboxItem(UUID appealId, String receiptNumber, AppealStatus status, String categoryCode,
                            AppealType appealType, Language language, String description, LocalDate registrationDay,
                            String bodyCode) {

        static InboxItem of(Appeal appeal) {
            return new InboxItem(appeal.id(), appeal.receiptNumber(), appeal.status(), appeal.categoryCode(),
                    appeal.appealType(), appeal.language(), appeal.description(), appeal.registrationDay(),
                    appeal.bodyCode());
        }
    }

    /** {@code page} counts from 0. */
    public record InboxPage(List<InboxItem> items, int page, int size, long totalItems, int totalPages) {
    }

    public record Answer(Outcome outcome, Language language, String text, Instant answeredAt, String answeredBy) {
    }

    public record AuditEntry(AppealStatus fromStatus, AppealStatus toStatus, String action, String actor,
                             String bodyCode, String reason, Instant at) {

        static AuditEntry of(AppealAudit audit) {
            return new AuditEntry(audit.fromStatus(), audit.toStatus(), audit.action(), audit.actor(),
                    audit.bodyCode(), audit.reason(), audit.occurredAt());
        }
    }

    public record Escalation(String fromBodyCode, String toBodyCode, BodyLevel toBodyLevel, String toBodyKato,
                             Instant escalatedAt) {

        static Escalation of(AppealEscalation escalation) {
            return new Escalation(escalation.fromBodyCode(), escalation.toBodyCode(), escalation.toBodyLevel(),
                    escalation.toBodyKato(), escalation.escalatedAt());
        }
    }

    /** {@code allowedActions} tells a client which buttons to offer without duplicating the state machine. */
    public record AppealDetail(UUID appealId, String receiptNumber, AppealStatus status, Set<OfficeAction> allowedActions,
                               int cycle, String bodyCode, String bodyKato, String ruralDistrictKato,
                               String districtKato, String regionKato, String categoryCode, AppealType appealType,
                               Language language, String description, LocalDate registrationDay, Answer answer,
                               List<Escalation> escalations, List<AuditEntry> history) {

        static AppealDetail of(Appeal appeal, List<AppealEscalation> escalations, List<AppealAudit> history) {
            Answer answer = appeal.answeredAt() == null ? null : new Answer(appeal.answerOutcome(),
                    appeal.answerLanguage(), appeal.answerText(), appeal.answeredAt(), appeal.answeredBy());
            return new AppealDetail(appeal.id(), appeal.receiptNumber(), appeal.status(),
                    AppealLifecycle.allowedActions(appeal.status()), appeal.cycle(), appeal.bodyCode(),
                    appeal.bodyKato(), appeal.ruralDistrictKato(), appeal.districtKato(), appeal.regionKato(),
                    appeal.categoryCode(), appeal.appealType(), appeal.language(), appeal.description(),
                    appeal.registrationDay(), answer, escalations.stream().map(Escalation::of).toList(),
                    history.stream().map(AuditEntry::of).toList());
        }
    }

    private AppealViews() {
    }
}
