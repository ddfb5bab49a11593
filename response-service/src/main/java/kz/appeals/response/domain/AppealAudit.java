package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of an appeal's audit trail: who changed its status, when, from what, and why. Never updated. Written in
 * plain JDBC ({@link kz.appeals.response.service.AppealAuditTable}); this entity is how the screens read it.
 */
@Entity
@Table(name = "appeal_audit")
public class AppealAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "appeal_id", nullable = false, updatable = false)
    private UUID appealId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private AppealStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private AppealStatus toStatus;

    @Column(name = "action", nullable = false, updatable = false)
    private String action;

    @Column(name = "actor", nullable = false, updatable = false)
    private String actor;

    @Column(name = "body_code", nullable = false, updatable = false)
    private String bodyCode;

    @Column(name = "reason", updatable = false)
    private String reason;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected AppealAudit() {
    }

    public UUID appealId() {
        return appealId;
    }

    public AppealStatus fromStatus() {
        return fromStatus;
    }

    public AppealStatus toStatus() {
        return toStatus;
    }

    public String action() {
        return action;
    }

    public String actor() {
        return actor;
    }

    public String bodyCode() {
        return bodyCode;
    }

    public String reason() {
        return reason;
    }

    public Instant occurredAt() {
        return occurredAt;
    }
}
