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

/** The citizen's view of an appeal after registration: status, the body now answering, and its deadline. */
@Entity
@Table(name = "appeal_progress")
public class AppealProgress {

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CitizenStatus status;

    @Column(name = "body_code")
    public String bodyCode;

    /** KATO code of the body's territory: offices are scoped by it. */
    @Column(name = "body_kato")
    public String bodyKato;

    @Column(name = "body_name_kk")
    public String bodyNameKk;

    @Column(name = "body_name_ru")
    public String bodyNameRu;

    /** The day the answering body must answer by; null until a body has it. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    /** The latest answer's text, or why the appeal moved; what Open311 calls status notes. */
    @Column(name = "status_notes")
    public String statusNotes;

    @Column(nullable = false)
    public int cycle = 1;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
