package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.contracts.AppealEvents.BodyLevel;

import java.time.Instant;
import java.util.UUID;

/**
 * The appeal's term lapsed and a higher body now oversees it (APPK Art. 91). The original body keeps the appeal
 * and can still answer it, so this is kept beside the appeal rather than changing its status; it may also arrive
 * before the appeal itself, since it travels on another topic. The lifecycle consumer writes it without this entity,
 * which the office's screens and the take-over read.
 */
@Entity
@Table(name = "appeal_escalation")
public class AppealEscalation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "appeal_id", nullable = false, updatable = false)
    private UUID appealId;

    @Column(name = "from_body_code", nullable = false, updatable = false)
    private String fromBodyCode;

    @Column(name = "to_body_code", nullable = false, updatable = false)
    private String toBodyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_body_level", nullable = false, updatable = false)
    private BodyLevel toBodyLevel;

    @Column(name = "to_body_kato", updatable = false)
    private String toBodyKato;

    @Column(name = "escalated_at", nullable = false, updatable = false)
    private Instant escalatedAt;

    protected AppealEscalation() {
    }

    public UUID appealId() {
        return appealId;
    }

    public String fromBodyCode() {
        return fromBodyCode;
    }

    public String toBodyCode() {
        return toBodyCode;
    }

    public BodyLevel toBodyLevel() {
        return toBodyLevel;
    }

    public String toBodyKato() {
        return toBodyKato;
    }

    public Instant escalatedAt() {
        return escalatedAt;
    }
}
