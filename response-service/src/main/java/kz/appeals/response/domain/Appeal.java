package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An appeal as the office of the body that must answer it sees it. The office's actions go through
 * {@link AppealLifecycle}; routing decisions go through {@link #reassign}, which never lets a late or repeated
 * event undo newer state.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_outcome")
    private Outcome answerOutcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "answer_language")
    private Language answerLanguage;

    @Column(name = "answer_text")
    private String answerText;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "answered_by")
    private String answeredBy;

    /** Two office accounts acting at once: the second commit fails instead of overwriting the first. */
    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Appeal() {
    }

    /** The first routing decision this service sees for the appeal, whichever kind it is. */
    public static Appeal assigned(Assignment assignment) {
        Appeal appeal = new Appeal();
        appeal.id = assignment.appealId();
        appeal.cycle = 1;
        appeal.status = AppealStatus.ROUTED;
        appeal.take(assignment);
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
     * office had asked for a redirect and routing gave the appeal back.
     *
     * @return the status change, if there was one
     */
    public Optional<StatusChange> reassign(Assignment assignment) {
        if (!assignment.occurredAt().isAfter(routingOccurredAt) || status == AppealStatus.ANSWERED) {
            return Optional.empty();
        }
        AppealStatus from = status;
        boolean sameBody = bodyCode.equals(assignment.bodyCode());
        take(assignment);
        if (sameBody && from != AppealStatus.REDIRECT_REQUESTED) {
            return Optional.empty();
        }
        status = AppealStatus.ROUTED;
        return Optional.of(new StatusChange(from, status, assignment.kind().name(), assignment.actor(), bodyCode,
                assignment.reason(), assignment.occurredAt()));
    }

    public StatusChange acknowledge(String actor, Instant at) {
        return move(OfficeAction.ACKNOWLEDGE, actor, null, at);
    }

    /** Answered in Kazakh (the state language) or in the language of the appeal. */
    public StatusChange answer(Outcome outcome, Language answerLanguage, String text, String actor, Instant at) {
        Objects.requireNonNull(outcome, "outcome");
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("An answer needs a text");
        }
        // The status is checked first: answering an appeal that cannot be answered is a conflict whatever the
        // language.
        AppealStatus target = AppealLifecycle.next(status, OfficeAction.ANSWER);
        if (!AnswerLanguagePolicy.allows(answerLanguage, language)) {
            throw new AnswerLanguageException(answerLanguage, language);
        }
        StatusChange change = moveTo(target, OfficeAction.ANSWER, actor, null, at);
        this.answerOutcome = outcome;
        this.answerLanguage = answerLanguage;
        this.answerText = text;
        this.answeredAt = at;
        this.answeredBy = actor;
        return change;
    }

    /** "Not our competence": the reason is what routing and the applicant are told (APPK Art. 76). */
    public StatusChange requestRedirect(String reason, String actor, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A redirect request needs a reason");
        }
        return move(OfficeAction.REDIRECT, actor, reason, at);
    }

    private StatusChange move(OfficeAction action, String actor, String reason, Instant at) {
        return moveTo(AppealLifecycle.next(status, action), action, actor, reason, at);
    }

    private StatusChange moveTo(AppealStatus target, OfficeAction action, String actor, String reason, Instant at) {
        AppealStatus from = status;
        status = target;
        return new StatusChange(from, target, action.name(), actor, bodyCode, reason, at);
    }

    private void take(Assignment assignment) {
        receiptNumber = assignment.receiptNumber();
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

    @PrePersist
    void stampCreation() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = Instant.now();
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

    public Outcome answerOutcome() {
        return answerOutcome;
    }

    public Language answerLanguage() {
        return answerLanguage;
    }

    public String answerText() {
        return answerText;
    }

    public Instant answeredAt() {
        return answeredAt;
    }

    public String answeredBy() {
        return answeredBy;
    }

    public long version() {
        return version;
    }
}
