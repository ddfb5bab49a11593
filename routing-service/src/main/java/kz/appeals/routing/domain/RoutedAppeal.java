package kz.appeals.routing.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.RoutingMethod;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Routing's record of an appeal, as the operators' screens read it: what it needs to decide again on a redirect, and
 * what it decided last. The event path and the triage assignment write it through {@code RoutedAppealTable}.
 */
@Entity
@Table(name = "routed_appeal")
public class RoutedAppeal {

    public enum Status { ROUTED, NEEDS_TRIAGE, OUTSIDE_COMPETENCE }

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "receipt_number", nullable = false)
    public String receiptNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_type", nullable = false)
    public AppealType appealType;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language;

    @Column(name = "kato_code")
    public String katoCode;

    public Double latitude;

    public Double longitude;

    @Column(name = "address_text")
    public String addressText;

    @Column(name = "registration_day", nullable = false)
    public LocalDate registrationDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "body_code")
    public String bodyCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "body_level")
    public BodyLevel bodyLevel;

    @Column(name = "body_kato")
    public String bodyKato;

    @Column(name = "body_name_kk")
    public String bodyNameKk;

    @Column(name = "body_name_ru")
    public String bodyNameRu;

    @Enumerated(EnumType.STRING)
    public RoutingMethod method;

    @Column(nullable = false)
    public String reason;

    /** Bodies that said "not ours", separated by spaces; never chosen again for this appeal. */
    @Column(name = "excluded_bodies", nullable = false)
    public String excludedBodies = "";

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The rules tried for the last decision, as JSON (the events' {@code steps}). */
    @Column(name = "steps", nullable = false)
    public String stepsJson = "[]";

    /** Related appeals answered together share an issue. */
    @Column(name = "issue_id")
    public UUID issueId;

    @Column(name = "settlement_kato")
    public String settlementKato;

    /** Until the body answers; reopened appeals are open again. Only open appeals are grouped with new ones. */
    @Column(nullable = false)
    public boolean open = true;
}
