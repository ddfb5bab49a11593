package kz.appeals.response.service;

import kz.appeals.appk.DeadlinePolicy;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealAction;
import kz.appeals.response.domain.AppealAnswer;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.AppealEscalation;
import kz.appeals.response.domain.AppealLifecycle;
import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.domain.StatusChange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What the API shows: read models built from the entities inside the transaction, never the entities. */
public final class AppealViews {

    /** {@code overdue}: open and its due date has passed (national time). */
    public record InboxItem(UUID appealId, String receiptNumber, AppealStatus status, String categoryCode,
                            AppealType appealType, Language language, String description, LocalDate registrationDay,
                            LocalDate dueDate, boolean overdue, int cycle, String bodyCode) {

        static InboxItem of(Appeal appeal, LocalDate today) {
            return new InboxItem(appeal.id(), appeal.receiptNumber(), appeal.status(), appeal.categoryCode(),
                    appeal.appealType(), appeal.language(), appeal.description(), appeal.registrationDay(),
                    appeal.dueDate(), InboxSql.OPEN.contains(appeal.status()) && appeal.dueDate().isBefore(today),
                    appeal.cycle(), appeal.bodyCode());
        }
    }

    /** {@code page} counts from 0. */
    public record InboxPage(List<InboxItem> items, int page, int size, long totalItems, int totalPages) {
    }

    /** One cycle's answer and, once given, the applicant's rating of it. */
    public record Answer(int cycle, Outcome outcome, Language language, String text, Instant answeredAt,
                         String answeredBy, Boolean ratingSatisfied, String ratingComment, Instant ratedAt) {

        static Answer of(AppealAnswer answer) {
            return new Answer(answer.cycle(), answer.outcome(), answer.language(), answer.text(), answer.answeredAt(),
                    answer.answeredBy(), answer.ratingSatisfied(), answer.ratingComment(), answer.ratedAt());
        }
    }

    public record AuditEntry(AppealStatus fromStatus, AppealStatus toStatus, String action, String actor,
                             String bodyCode, String reason, Instant at) {

        static AuditEntry of(AppealAudit audit) {
            return new AuditEntry(audit.fromStatus(), audit.toStatus(), audit.action(), audit.actor(),
                    audit.bodyCode(), audit.reason(), audit.occurredAt());
        }

        static AuditEntry of(StatusChange change) {
            return new AuditEntry(change.from(), change.to(), change.action(), change.actor(), change.bodyCode(),
                    change.reason(), change.at());
        }
    }

    public record Escalation(String fromBodyCode, String toBodyCode, BodyLevel toBodyLevel, String toBodyKato,
                             Instant escalatedAt) {

        static Escalation of(AppealEscalation escalation) {
            return new Escalation(escalation.fromBodyCode(), escalation.toBodyCode(), escalation.toBodyLevel(),
                    escalation.toBodyKato(), escalation.escalatedAt());
        }

        static Escalation of(AppealEscalationTable.Row escalation) {
            return new Escalation(escalation.fromBodyCode(), escalation.toBodyCode(), escalation.toBodyLevel(),
                    escalation.toBodyKato(), escalation.escalatedAt());
        }
    }

    /**
     * {@code allowedActions} tells a client which buttons to offer without duplicating the state machine: the
     * actions the status allows that the caller's party may take (a clerk does not see EXTEND, the head does; a
     * higher body reading a subordinate's appeal sees none). {@code answer} is the latest cycle's answer, {@code answers} every cycle's.
     */
    public record AppealDetail(UUID appealId, String receiptNumber, AppealStatus status, Set<AppealAction> allowedActions,
                               int cycle, String bodyCode, String bodyKato, String ruralDistrictKato,
                               String districtKato, String regionKato, UUID issueId, String categoryCode,
                               AppealType appealType,
                               Language language, String description, LocalDate registrationDay, LocalDate termStart,
                               LocalDate dueDate, LocalDate extensionCap, LocalDate latestExtension, Answer answer, List<Answer> answers,
                               List<Escalation> escalations, List<AuditEntry> history, List<InboxItem> related) {

        static AppealDetail of(Appeal appeal, Set<AppealAction.Party> parties, DeadlinePolicy deadlines,
                               List<Escalation> escalations, List<AuditEntry> history, List<InboxItem> related) {
            List<Answer> answers = appeal.answers().stream().map(Answer::of).toList();
            Set<AppealAction> allowed = EnumSet.noneOf(AppealAction.class);
            AppealLifecycle.allowedActions(appeal.status()).stream()
                    .filter(action -> parties.contains(action.party())).forEach(allowed::add);
            return new AppealDetail(appeal.id(), appeal.receiptNumber(), appeal.status(), allowed, appeal.cycle(),
                    appeal.bodyCode(), appeal.bodyKato(), appeal.ruralDistrictKato(), appeal.districtKato(),
                    appeal.regionKato(), appeal.issueId(), appeal.categoryCode(), appeal.appealType(),
                    appeal.language(),
                    appeal.description(), appeal.registrationDay(), appeal.termStart(), appeal.dueDate(),
                    appeal.extensionCap(deadlines), appeal.latestExtension(deadlines),
                    answers.isEmpty() ? null : answers.get(answers.size() - 1), answers,
                    escalations, history, related);
        }
    }

    /** What the applicant's front end sees after rating or reopening: no office internals. */
    public record CitizenView(UUID appealId, String receiptNumber, AppealStatus status, int cycle, LocalDate dueDate,
                              List<Answer> answers) {

        static CitizenView of(Appeal appeal) {
            return new CitizenView(appeal.id(), appeal.receiptNumber(), appeal.status(), appeal.cycle(),
                    appeal.dueDate(), appeal.answers().stream().map(Answer::of).toList());
        }
    }

    private AppealViews() {
    }
}
