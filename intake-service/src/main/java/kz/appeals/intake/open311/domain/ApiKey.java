package kz.appeals.intake.open311.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An Open311 client's key: who it was issued to and by whom, and whether it still works. Holds only the hash. */
@Entity
@Table(name = "open311_api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(name = "key_hash", nullable = false, unique = true)
    public String keyHash;

    @Column(name = "client_name", nullable = false)
    public String clientName;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    public String issuedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public boolean isActive() {
        return revokedAt == null;
    }

    /** The account an appeal filed with this key is recorded as submitted by (and idempotency is scoped to). */
    public String submitter() {
        return "open311:" + id;
    }
}
