package kz.appeals.systemtests.fuzz;

import io.smallrye.jwt.build.Jwt;
import kz.appeals.testing.Tokens;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization headers for the fuzzer: the ones every secured operation must refuse (none, garbage, forged,
 * expired, unsigned, tampered, foreign issuer, a role the operation does not allow) and properly signed ones with
 * an allowed role, so that hostile input also reaches the code behind the security check.
 */
final class Credentials {

    /** Long enough for the full 100,000-request run. */
    private static final long VALID_FOR = 12 * 3600;

    static final List<String> ROLES = List.of("frontend", "akim-office", "district-akimat", "region-akimat",
            "presidential-administration", "analyst", "operator", "admin", "auditor");

    /** RSA signing costs milliseconds: each distinct token is signed once per run and then reused. */
    private final Map<String, String> signedTokens = new ConcurrentHashMap<>();
    private final List<String> hostileKatoClaims;
    private final PrivateKey testKey;
    private final PrivateKey foreignKey;

    Credentials(Path root, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        hostileKatoClaims = java.util.stream.IntStream.range(0, 32).mapToObj(i -> HostileValues.shortString(random))
                .toList();
        testKey = Tokens.readPrivateKey(root.resolve("test-support/src/main/resources/test-keys/jwt-private.pem"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            foreignKey = generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A header value every secured operation refuses, or null for no header at all. */
    String refused(SplittableRandom random, List<String> allowedRoles) {
        String anyRole = HostileValues.pick(random, ROLES);
        return switch (random.nextInt(9)) {
            case 0 -> null;
            case 1 -> "Bearer " + HostileValues.latin1Noise(random, 1 + random.nextInt(600)).strip();
            case 2 -> "Bearer " + cached("forged", anyRole, "991021000", foreignKey, Tokens.ISSUER, VALID_FOR);
            case 3 -> "Bearer " + cached("expired", anyRole, "991021000", testKey, Tokens.ISSUER, -3 * 3600);
            case 4 -> "Bearer " + unsigned(anyRole);
            case 5 -> "Bearer " + tampered(cached("valid", "frontend", "991021000", testKey, Tokens.ISSUER, VALID_FOR));
            case 6 -> "Bearer " + cached("foreign-issuer", anyRole, "991021000", testKey, "https://evil.example/issuer",
                    VALID_FOR);
            case 7 -> HostileValues.pick(random, List.of("Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer ", "bearer x.y.z",
                    cached("valid", anyRole, "991021000", testKey, Tokens.ISSUER, VALID_FOR)));
            default -> "Bearer " + cached("valid", roleOutside(random, allowedRoles), "991021000", testKey,
                    Tokens.ISSUER, VALID_FOR);
        };
    }

    /** A valid token with one of the allowed roles; office roles get a KATO claim that may itself be hostile. */
    String accepted(SplittableRandom random, List<String> allowedRoles) {
        String role = allowedRoles.isEmpty() ? HostileValues.pick(random, ROLES) : HostileValues.pick(random, allowedRoles);
        String kato = random.nextInt(3) == 0 ? HostileValues.pick(random, hostileKatoClaims) : "991021000";
        return "Bearer " + cached("valid", role, kato, testKey, Tokens.ISSUER, VALID_FOR);
    }

    private static String roleOutside(SplittableRandom random, List<String> allowedRoles) {
        List<String> others = ROLES.stream().filter(role -> !allowedRoles.contains(role)).toList();
        return others.isEmpty() ? "no-such-role" : HostileValues.pick(random, others);
    }

    private String cached(String variant, String role, String kato, PrivateKey key, String issuer,
                          long expiresInSeconds) {
        return signedTokens.computeIfAbsent(variant + "|" + role + "|" + kato, ignored -> {
            Instant expiresAt = Instant.now().plusSeconds(expiresInSeconds);
            return Jwt.issuer(issuer).audience(Tokens.AUDIENCE).subject("fuzz-" + role).upn("fuzz-" + role)
                    .groups(Set.of(role))
                    .claim("kato", kato).issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt)
                    .jws().keyId("test").sign(key);
        });
    }

    /** {"alg":"none"}: a verifier that trusts the header would accept it. */
    private static String unsigned(String role) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + Tokens.ISSUER + "\",\"sub\":\"fuzz\",\"groups\":[\""
                + role + "\"],\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** A genuine signature over other claims: the payload now claims every role. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"groups\":[\"frontend\"]", "\"groups\":" + ROLES.stream()
                        .map(role -> "\"" + role + "\"").toList().toString().replace(" ", ""));
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
