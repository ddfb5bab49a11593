package kz.appeals.intake.open311.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.appeals.intake.open311.domain.ApiKey;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, revokes and checks Open311 API keys. A key is random, shown once, and stored only as its SHA-256. */
@ApplicationScoped
@Transactional
public class ApiKeys {

    /** The answer to an issue request: the only time the key itself is seen. */
    public record Issued(UUID id, String clientName, String apiKey, Instant issuedAt) {
    }

    /** A key as administrators see it later: never the key itself. */
    public record KeyInfo(UUID id, String clientName, Instant issuedAt, String issuedBy, Instant revokedAt,
                          String revokedBy) {
        static KeyInfo of(ApiKey key) {
            return new KeyInfo(key.id, key.clientName, key.issuedAt, key.issuedBy, key.revokedAt, key.revokedBy);
        }
    }

    private static final int KEY_BYTES = 32;

    private final EntityManager entityManager;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(EntityManager entityManager, AuditTrail audit, Clock clock) {
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    public Issued issue(String clientName, String issuedBy) {
        byte[] secret = new byte[KEY_BYTES];
        random.nextBytes(secret);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey key = new ApiKey();
        key.id = UUID.randomUUID();
        key.keyHash = hash(apiKey);
        key.clientName = clientName;
        key.issuedAt = clock.instant();
        key.issuedBy = issuedBy;
        entityManager.persist(key);
        audit.record("open311-key-issued", "open311-key:" + key.id, "client=" + clientName);
        return new Issued(key.id, key.clientName, apiKey, key.issuedAt);
    }

    /** Revoking twice keeps the first revocation's time and author. */
    public KeyInfo revoke(UUID id, String revokedBy) {
        ApiKey key = Optional.ofNullable(entityManager.find(ApiKey.class, id))
                .orElseThrow(() -> ProblemException.notFound("No Open311 API key " + id));
        if (key.isActive()) {
            key.revokedAt = clock.instant();
            key.revokedBy = revokedBy;
            audit.record("open311-key-revoked", "open311-key:" + key.id, "client=" + key.clientName);
        }
        return KeyInfo.of(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<KeyInfo> list() {
        return entityManager.createQuery("from ApiKey order by issuedAt", ApiKey.class).getResultStream()
                .map(KeyInfo::of).toList();
    }

    /** The active key {@code apiKey} is, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ApiKey> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        return entityManager.createQuery("from ApiKey where keyHash = :hash", ApiKey.class)
                .setParameter("hash", hash(apiKey)).getResultStream().findFirst().filter(ApiKey::isActive);
    }

    private static String hash(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
