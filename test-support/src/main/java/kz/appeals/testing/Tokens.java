package kz.appeals.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Mints real RS256 tokens with the committed test-only key, so that tests exercise the services' actual JWT
 * verification instead of bypassing it.
 */
public final class Tokens {

    public static final String ISSUER = "https://appeals.local/issuer";
    /** The audience every service requires (platform META-INF/microprofile-config.properties). */
    public static final String AUDIENCE = "appeals-platform";
    private static final PrivateKey TEST_KEY = loadTestKey();
    /** A key no service trusts, generated per test run. */
    private static final PrivateKey FOREIGN_KEY = generateKey();

    public static String forRole(String role) {
        return build(role, null, role + "-test-account");
    }

    /** An office token scoped to one body by its KATO code. */
    public static String forOffice(String role, String katoCode) {
        return build(role, katoCode, role + "-" + katoCode);
    }

    /** An office token with further claims, e.g. {@code office-head: true} for the head of the body. */
    public static String forOffice(String role, String katoCode, Map<String, Object> extraClaims) {
        JwtClaimsBuilder claims = claims(role, katoCode, role + "-" + katoCode);
        extraClaims.forEach(claims::claim);
        return claims.jws().keyId("test").sign(TEST_KEY);
    }

    /** A front end's token on behalf of one signed-in citizen (claim {@code iin}). */
    public static String forCitizen(String iin) {
        return claims("frontend", null, "frontend-test-account").claim("iin", iin).jws().keyId("test").sign(TEST_KEY);
    }

    public static String build(String role, String katoCode, String subject) {
        return claims(role, katoCode, subject).jws().keyId("test").sign(TEST_KEY);
    }

    /** A role's token under a subject of its own: a token no earlier request can have presented. */
    public static String unique(String role) {
        return build(role, null, role + "-" + UUID.randomUUID());
    }

    /** A role's token that lapsed an hour ago: well signed, by the right issuer, and refused. */
    public static String expired(String role) {
        Instant lapsed = Instant.now().minus(Duration.ofHours(1));
        return claims(role, null, role + "-test-account").issuedAt(lapsed.minus(Duration.ofHours(1)))
                .expiresAt(lapsed).jws().keyId("test").sign(TEST_KEY);
    }

    /** A role's well-signed token whose issue time (iat) lies {@code ahead} in the future. */
    public static String issuedInTheFuture(String role, Duration ahead) {
        Instant issued = Instant.now().plus(ahead);
        return claims(role, null, role + "-" + UUID.randomUUID()).issuedAt(issued)
                .expiresAt(issued.plus(Duration.ofHours(1))).jws().keyId("test").sign(TEST_KEY);
    }

    /** A role's well-signed token, issued now, that expires after {@code lifetime}. */
    public static String livingFor(String role, Duration lifetime) {
        Instant now = Instant.now();
        return claims(role, null, role + "-" + UUID.randomUUID()).issuedAt(now).expiresAt(now.plus(lifetime))
                .jws().keyId("test").sign(TEST_KEY);
    }

    /** A role's token under the test key's id but signed with another key, as a forger would mint it. */
    public static String signedWithForeignKey(String role) {
        return claims(role, null, role + "-test-account").jws().keyId("test").sign(FOREIGN_KEY);
    }

    /** A role's token for another audience (another system of the same issuer), signed with the trusted test key. */
    public static String forOtherAudience(String role) {
        return claims(role, null, role + "-test-account").audience("another-system").jws().keyId("test")
                .sign(TEST_KEY);
    }

    /** A role's token from an issuer the services do not trust, signed with the trusted test key. */
    public static String fromWrongIssuer(String role) {
        return claims(role, null, role + "-test-account").issuer("https://elsewhere.example/issuer").jws()
                .keyId("test").sign(TEST_KEY);
    }

    /**
     * The same token signed with another key, e.g. the running system's {@code .run/system/keys/jwt-private.pem}
     * (see {@link #readPrivateKey}), for clients such as the benchmark that talk to services not started by tests.
     */
    public static String build(String role, String katoCode, String subject, PrivateKey key) {
        return build(role, katoCode, subject, Map.of(), key);
    }

    /** As above, with further claims, e.g. {@code office-head: true} for the head of a body. */
    public static String build(String role, String katoCode, String subject, Map<String, Object> extraClaims,
                               PrivateKey key) {
        JwtClaimsBuilder claims = claims(role, katoCode, subject);
        extraClaims.forEach(claims::claim);
        return claims.jws().sign(key);
    }

    /** Reads an unencrypted PKCS#8 PEM RSA key ({@code -----BEGIN PRIVATE KEY-----}), as openssl genpkey writes. */
    public static PrivateKey readPrivateKey(Path pemFile) {
        try {
            return parsePrivateKey(Files.readString(pemFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing key " + pemFile, e);
        }
    }

    private static JwtClaimsBuilder claims(String role, String katoCode, String subject) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .audience(AUDIENCE)
                .expiresIn(Duration.ofHours(1));
        if (katoCode != null) {
            claims.claim("kato", katoCode);
        }
        return claims;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey loadTestKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-keys/jwt-private.pem")) {
            if (in == null) {
                throw new IllegalStateException("test-keys/jwt-private.pem missing from test-support");
            }
            return parsePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot load the test signing key", e);
        }
    }

    private static PrivateKey generateKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No RSA key generator", e);
        }
    }

    private static PrivateKey parsePrivateKey(String pem) {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM private key (expected -----BEGIN PRIVATE KEY-----)");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid RSA private key", e);
        }
    }

    private Tokens() {
    }
}
