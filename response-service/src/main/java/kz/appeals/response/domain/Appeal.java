package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;

import java.time.Instant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An appeal as the office of the body that must answer it sees it. The office's actions go through
 * {@link AppealLifecycle}; routing decisions go through {@link #reassign}, which never lets a late or repeated
 * event undo newer state. The screens read it through Hibernate; the lifecycle consumer and the actions, the busy
 * paths, {@linkplain #restored restore} it from its row and write its {@link #snapshot} back in plain JDBC, so
 * Hibernate never writes it.
 */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    @Column(name = "appeal_id")
    private UUID id;

    @Column(name = "receipt_number", nullable = false)
    private String receiptNumber;

    @Column(name = "body_code", nullable = false)
    private String bodyCode;

    @Column(name = "body_kato")
    private String bodyKato;

    @Column(name = "rural_district_kato")
    private String ruralDistrictKato;

    @Column(name = "district_kato")
    private String districtKato;

    /** Routing's issue: the related appeals the office may answer together (each applicant still gets an answer). */
    @Column(name = "issue_id")
    private UUID issueId;

    @Column(name = "region_kato")
    private String regionKato;

    @Column(name = "category_code", nullable = false)
    private String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_type", nullable = false)
    private AppealType appealType;

    @Enumerated(EnumType.STRING)
    @Column(name = "language", nullable = false)
    private Language language;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "registration_day", nullable = false)
    private LocalDate registrationDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private AppealStatus status;

    @Column(name = "cycle", nullable = false)
    private int cycle;

    @Column(name = "routing_occurred_at", nullable = false)
    private Instant routingOccurredAt;

    /** The day the current cycle's term counts from: registration, or the reopening's registration day. */
    @Column(name = "term_start", nullable = false)
    private LocalDate termStart;

    /** The last day of the current cycle's term (APPK Art. 76), moved only by an extension. */
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;

    /** A higher body oversees the appeal (an escalation is recorded beside it, see {@link AppealEscalation}). */
    @Column(name = "escalated", nullable = false)
    private boolean escalated;

    @OneToMany
    @JoinColumn(name = "appeal_id", nullable = false, updatable = false)
    @OrderBy("cycle")
    private List<AppealAnswer> answers = new ArrayList<>();

    protected Appeal() {
    }

    /**
     * The appeal's own columns, without its answers: what the lifecycle consumer reads, changes with the rules below
     * and writes back, a polled batch at a time (no routing or escalation rule reads the answers), and what an
     * office's or applicant's action writes back beside its answers' {@link AppealAnswer.Snapshot}s.
     */
    public record Snapshot(UUID id, String receiptNumber, String bodyCode, String bodyKato, String ruralDistrictKato,
                           String districtKato, String regionKato, UUID issueId, String categoryCode,
                           AppealType appealType, Language language, String description, LocalDate registrationDay,
                           AppealStatus status, int cycle, Instant routingOccurredAt, LocalDate termStart,
                           LocalDate dueDate, boolean escalated) {
    }

    /** An appeal as stored, for the routing and escalation rules only: its answers are not restored. */
    public static Appeal restored(Snapshot stored) {
        Appeal appeal = new Appeal();
        appeal.id = stored.id();
        appeal.receiptNumber = stored.receiptNumber();
        appeal.bodyCode = stored.bodyCode();
        appeal.bodyKato = stored.bodyKato();
        appeal.ruralDistrictKato = stored.ruralDistrictKato();
        appeal.districtKato = stored.districtKato();
        appeal.regionKato = stored.regionKato();
        appeal.issueId = stored.issueId();
        appeal.categoryCode = stored.categoryCode();
        appeal.appealType = stored.appealType();
        appeal.language = stored.language();
        appeal.description = stored.description();
        appeal.registrationDay = stored.registrationDay();
        appeal.status = stored.status();
        appeal.cycle = stored.cycle();
        appeal.routingOccurredAt = stored.routingOccurredAt();
        appeal.termStart = stored.termStart();
        appeal.dueDate = stored.dueDate();
        appeal.escalated = stored.escalated();
        return appeal;
    }

    /** An appeal as stored with every cycle's answer (oldest first), for the office's and the applicant's actions. */
    public static Appeal restored(Snapshot stored, List<AppealAnswer.Snapshot> answers) {
        Appeal appeal = restored(stored);
        answers.forEach(answer -> appeal.answers.add(AppealAnswer.restored(answer)));
        return appeal;
    }

    /** The columns to write back; equal to what {@link #restored} took when no rule changed the appeal. */
    public Snapshot snapshot() {
        return new Snapshot(id, receiptNumber, bodyCode, bodyKato, ruralDistrictKato, districtKato, regionKato, issueId,
                categoryCode, appealType, language, description, registrationDay, status, cycle, routingOccurredAt,
                termStart, dueDate, escalated);
    }

    /** The first routing decision this service sees for the appeal, whichever kind it is. */
    public static Appeal assigned(Assignment assignment, DeadlinePolicy deadlines) {
        Appeal appeal = new Appeal();
        appeal.id = assignment.appealId();
        appeal.cycle = 1;
        appeal.status = AppealStatus.ROUTED;
        appeal.take(assignment);
        appeal.termStart = assignment.registrationDay();
        appeal.dueDate = deadlines.answerDue(appeal.termStart);
        if (assignment.kind() == Assignment.Kind.REDIRECTED) {
            appeal.startTermOnRedirect(assignment.occurredAt(), deadlines);
        }
        return appeal;
    }

    /** The audit entry for {@link #assigned}. */
    public StatusChange arrival(Assignment assignment) {
        return new StatusChange(null, AppealStatus.ROUTED, assignment.kind().name(), assignment.actor(), bodyCode,
                assignment.reason(), assignment.occurredAt());
    }

    /**
     * Applies a later routing decision. Ignored when it is not newer than the last one applied (a redelivery, or
     * a routed event overtaken by a redirect) or when the appeal is already answered (an answer is never undone by
     * routing). A decision for the body that already holds the appeal keeps the office's progress, unless that
     * office had asked for a redirect and routing gave the appeal back. A redirect to another body gives it its own
     * term ({@link #startTermOnRedirect}).
     *
     * @return the status change, if there was one
     */
    public Optional<StatusChange> reassign(Assignment assignment, DeadlinePolicy deadlines) {
        if (!assignment.occurredAt().isAfter(routingOccurredAt) || status == AppealStatus.ANSWERED) {
            return Optional.empty();
        }
        AppealStatus from = status;
        boolean sameBody = bodyCode.equals(assignment.bodyCode());
        take(assignment);
        // a redirect, or an operator placing the appeal after routing found no body to redirect it to
        if (!sameBody && (assignment.kind() == Assignment.Kind.REDIRECTED || from == AppealStatus.REDIRECT_REQUESTED)) {
            startTermOnRedirect(assignment.occurredAt(), deadlines);
        }
        if (sameBody && from != AppealStatus.REDIRECT_REQUESTED) {
            return Optional.empty();
        }
        status = AppealStatus.ROUTED;
        return Optional.of(new StatusChange(from, status, assignment.kind().name(), assignment.actor(), bodyCode,
                assignment.reason(), assignment.occurredAt()));
    }

    public StatusChange acknowledge(String actor, Instant at) {
        return move(AppealAction.ACKNOWLEDGE, actor, null, at);
    }

    /**
     * The head of the body moves the term's last day to {@code newDueDate}, for the reason it states (APPK Art. 76:
     * a reasoned decision, at most two months from the start of the term in total).
     */
    public StatusChange extend(LocalDate newDueDate, String reason, String actor, Instant at,
                               DeadlinePolicy deadlines) {
        requireText(reason, "reason", "An extension needs the reasons of the decision");
        AppealStatus target = AppealLifecycle.next(status, AppealAction.EXTEND);
        // Only a running term can be extended: once it lapsed the body is deemed to have refused (Art. 91(2)) and the
        // escalation service's clock has moved or will move the appeal to the higher body, whose term it owns.
        if (escalated) {
            throw new TermClosedException(TermClosedException.Why.ESCALATED, dueDate);
        }
        if (deadlines.hasLapsed(dueDate, LocalDate.ofInstant(at, AppkTerms.NATIONAL_OFFSET))) {
            throw new TermClosedException(TermClosedException.Why.LAPSED, dueDate);
        }
        if (deadlines.checkExtension(receiptDay(), dueDate, newDueDate)
                instanceof ExtensionDecision.Rejected rejected) {
            throw new RuleViolationException("newDueDate", rejected.reason().name(), rejected.explanation());
        }
        dueDate = newDueDate;
        return moveTo(target, AppealAction.EXTEND, actor, reason, at);
    }

    /** Answered in Kazakh (the state language) or in the language of the appeal; the answer of this cycle. */
    public StatusChange answer(Outcome outcome, Language answerLanguage, String text, String actor, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        requireText(text, "text", "An answer needs a text");
        if (text.length() > AnswerText.MAX_LENGTH) {
            throw new RuleViolationException("text", "tooLong",
                    "An answer is at most " + AnswerText.MAX_LENGTH + " characters");
        }
        // The status is checked first: answering an appeal that cannot be answered is a conflict whatever the
        // language.
        AppealStatus target = AppealLifecycle.next(status, AppealAction.ANSWER);
        if (!AnswerLanguagePolicy.allows(answerLanguage, language)) {
            throw new AnswerLanguageException(answerLanguage, language);
        }
        answers.add(new AppealAnswer(cycle, bodyCode, outcome, answerLanguage, text, at, actor));
        return moveTo(target, AppealAction.ANSWER, actor, null, at);
    }

    /** The applicant rates this cycle's answer, once. */
    public StatusChange rate(boolean satisfied, String comment, String applicantActor, Instant at) {
        AppealStatus target = AppealLifecycle.next(status, AppealAction.RATE);
        AppealAnswer answer = currentAnswer();
        if (answer.isRated()) {
            throw new AlreadyRatedException(cycle);
        }
        answer.rate(satisfied, comment, at);
        return moveTo(target, AppealAction.RATE, applicantActor, comment, at);
    }

    /**
     * The applicant, not satisfied with this cycle's answer, sends the appeal back within {@code reopenWindow} of
     * the answer: a new cycle starts with a new term counted from {@code registrationDay}, the reopening's
     * registration day (APPK Art. 64 and 76, as for a new appeal).
     */
    public StatusChange reopen(String reason, String applicantActor, Instant at, LocalDate registrationDay,
                               Duration reopenWindow, DeadlinePolicy deadlines) {
        AppealStatus target = AppealLifecycle.next(status, AppealAction.REOPEN);
        AppealAnswer answer = currentAnswer();
        if (!Boolean.FALSE.equals(answer.ratingSatisfied())) {
            throw new RuleViolationException("rating", "notUnsatisfied",
                    "Only an answer rated as not satisfying can be reopened; rate it first");
        }
        Instant deadline = answer.answeredAt().plus(reopenWindow);
        if (at.isAfter(deadline)) {
            throw new RuleViolationException("appealId", "reopenPeriodOver",
                    "An answer can be reopened until " + deadline + " (" + reopenWindow.toDays()
                            + " days after it was given)");
        }
        cycle++;
        termStart = registrationDay;
        dueDate = deadlines.answerDue(registrationDay);
        // the new cycle's term is the body's again, as the escalation service's clock starts it
        escalated = false;
        return moveTo(target, AppealAction.REOPEN, applicantActor, reason, at);
    }

    /**
     * The term lapsed and the appeal was escalated; it stays with its body, which can still answer it. The due date
     * becomes the higher body's, as the escalation service published it (absent where no term applies).
     */
    public void markEscalated(LocalDate escalatedDueDate) {
        escalated = true;
        if (escalatedDueDate != null) {
            dueDate = escalatedDueDate;
        }
    }

    /**
     * The escalation service, which owns the due date, recalculated the term of {@code holderCode} in {@code inCycle}
     * after a calendar year was loaded. Taken only when this appeal shows that term as it was before: the same cycle,
     * the body now holding it ({@code currentHolder}: the routed body, or the higher body after an escalation) and
     * {@code previousDueDate}. A term the escalation service had not yet seen change here (a redirect, a reopening,
     * an extension the office decided) keeps what this service shows.
     *
     * @return whether the due date changed
     */
    public boolean dueDateRecalculated(String currentHolder, String holderCode, int inCycle,
                                       LocalDate previousDueDate, LocalDate recalculated) {
        if (inCycle != cycle || !holderCode.equals(currentHolder) || !previousDueDate.equals(dueDate)) {
            return false;
        }
        dueDate = recalculated;
        return true;
    }

    /**
     * The higher body the appeal was escalated to takes it over: from now on that body's office answers it, and the
     * office below, which could answer until now, no longer acts on it.
     */
    public StatusChange takeOver(String higherBodyCode, String higherBodyKato, String actor, Instant at) {
        AppealStatus target = AppealLifecycle.next(status, AppealAction.TAKE_OVER);
        String reason = "Taken over from " + bodyCode + " after escalation";
        bodyCode = higherBodyCode;
        bodyKato = higherBodyKato;
        return moveTo(target, AppealAction.TAKE_OVER, actor, reason, at);
    }

    /** "Not our competence": the reason is what routing and the applicant are told (APPK Art. 76). */
    public StatusChange requestRedirect(String reason, String actor, Instant at) {
        requireText(reason, "reason", "A redirect request needs a reason");
        return move(AppealAction.REDIRECT, actor, reason, at);
    }

    private AppealAnswer currentAnswer() {
        return answers.stream().filter(answer -> answer.cycle() == cycle).findFirst()
                .orElseThrow(() -> new IllegalStateException("Appeal " + id + " is answered but has no answer of cycle "
                        + cycle));
    }

    private static void requireText(String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, "required", message);
        }
    }

    private StatusChange move(AppealAction action, String actor, String reason, Instant at) {
        return moveTo(AppealLifecycle.next(status, action), action, actor, reason, at);
    }

    private StatusChange moveTo(AppealStatus target, AppealAction action, String actor, String reason, Instant at) {
        AppealStatus from = status;
        status = target;
        return new StatusChange(from, target, action.name(), actor, bodyCode, reason, at);
    }

    /**
     * APPK Art. 64 applied to the redirect: the new body's 15 working days count from the day it received the appeal
     * (as the escalation service's clock counts them); an extension the previous body decided does not bind it. The
     * citizen's receipt date, from which the two-month cap runs, stays. A reopened cycle counts from the reopening.
     */
    private void startTermOnRedirect(Instant redirectedAt, DeadlinePolicy deadlines) {
        if (cycle > 1) {
            return;
        }
        termStart = deadlines.redirectedTermStart(registrationDay, redirectedAt);
        dueDate = deadlines.answerDue(termStart);
    }

    /**
     * The last day an extension may reach (APPK Art. 76: two months in total), counted from the citizen's receipt or,
     * in a reopened cycle, from the reopening; what {@link #extend} checks and what the office is shown.
     */
    public LocalDate extensionCap(DeadlinePolicy deadlines) {
        return deadlines.extensionCap(receiptDay());
    }

    /** The latest working day {@link #extend} accepts: the cap or the working day before it. */
    public LocalDate latestExtension(DeadlinePolicy deadlines) {
        return deadlines.latestExtension(receiptDay());
    }

    private LocalDate receiptDay() {
        return cycle > 1 ? termStart : registrationDay;
    }

    private void take(Assignment assignment) {
        receiptNumber = assignment.receiptNumber();
        issueId = assignment.issueId();
        bodyCode = assignment.bodyCode();
        bodyKato = assignment.bodyKato();
        ruralDistrictKato = assignment.ruralDistrictKato();
        districtKato = assignment.districtKato();
        regionKato = assignment.regionKato();
        categoryCode = assignment.categoryCode();
        appealType = assignment.appealType();
        language = assignment.language();
        description = assignment.description();
        registrationDay = assignment.registrationDay();
        routingOccurredAt = assignment.occurredAt();
    }

    public UUID id() {
        return id;
    }

    public String receiptNumber() {
        return receiptNumber;
    }

    public String bodyCode() {
        return bodyCode;
    }

    public String bodyKato() {
        return bodyKato;
    }

    public String ruralDistrictKato() {
        return ruralDistrictKato;
    }

    public UUID issueId() {
        return issueId;
    }

    public String districtKato() {
        return districtKato;
    }

    public String regionKato() {
        return regionKato;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public AppealType appealType() {
        return appealType;
    }

    public Language language() {
        return language;
    }

    public String description() {
        return description;
    }

    public LocalDate registrationDay() {
        return registrationDay;
    }

    public AppealStatus status() {
        return status;
    }

    public int cycle() {
        return cycle;
    }

    public Instant routingOccurredAt() {
        return routingOccurredAt;
    }

    public boolean escalated() {
        return escalated;
    }

    public LocalDate termStart() {
        return termStart;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    /** Every cycle's answer, oldest first. */
    public List<AppealAnswer> answers() {
        return List.copyOf(answers);
    }
}
