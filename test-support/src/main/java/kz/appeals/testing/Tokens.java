package kz.appeals.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Mints real RS256 tokens with the committed test-only key, so that tests exercise the services' actual JWT
 * verification instead of bypassing it.
 */
public final class Tokens {

    public static final String ISSUER = "https://appeals.local/issuer";
    private static final PrivateKey TEST_KEY = loadTestKey();

    public static String forRole(String role) {
        return build(role, null, role + "-test-account");
    }

    /** An office token scoped to one body by its KATO code. */
    public static String forOffice(String role, String katoCode) {
        return build(role, katoCode, role + "-" + katoCode);
    }

    public static String build(String role, String katoCode, String subject) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .expiresIn(Duration.ofHours(1));
        if (katoCode != null) {
            claims.claim("kato", katoCode);
        }
        return claims.jws().keyId("test").sign(TEST_KEY);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey loadTestKey() {
        try (InputStream in = Tokens.class.getResourceAsStream("/test-keys/jwt-private.pem")) {
            if (in == null) {
                throw new IllegalStateException("test-keys/jwt-private.pem missing from test-support");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the test signing key", e);
        }
    }

    private Tokens() {
    }
}
