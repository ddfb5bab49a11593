package kz.appeals.intake.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One step of an appeal's life after registration, as told to the citizen. Fields a step does not have are null. */
@Entity
@Table(name = "appeal_step")
public class AppealStep {

    /** What happened, in the citizen's terms. */
    public enum Kind {
        ROUTED, UNDER_REVIEW, OUTSIDE_COMPETENCE, TAKEN_INTO_WORK, EXTENDED, REDIRECT_REQUESTED, REDIRECTED, ANSWERED, RATED, REOPENED,
        DEEMED_REFUSED, ESCALATED,
        /** A calendar year was loaded and the escalation service, which owns the due date, moved it. */
        DUE_DATE_RECALCULATED
    }

    /** The id of the event this step came from: a redelivered event finds its step already there. */
    @Id
    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "appeal_id", nullable = false)
    public UUID appealId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "body_code")
    public String bodyCode;

    /** KATO code of the body's territory: offices are scoped by it. */
    @Column(name = "body_kato")
    public String bodyKato;

    @Column(name = "body_name_kk")
    public String bodyNameKk;

    @Column(name = "body_name_ru")
    public String bodyNameRu;

    /** The new deadline this step set (extension, escalation, a new cycle). */
    @Column(name = "due_on")
    public LocalDate dueOn;

    public String outcome;

    public Boolean satisfied;

    /** The answer, the reason of an extension or redirect, the citizen's comment. */
    public String text;

    public Integer cycle;

    /**
     * Of a recalculated due date: the date the escalation service counted to before. The new one replaces only that
     * date, for that body and cycle.
     */
    @Column(name = "previous_due_on")
    public LocalDate previousDueOn;
}
