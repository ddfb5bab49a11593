package kz.appeals.response.support;

import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;

/** Calls the office API with real tokens minted by test-support. */
public final class OfficeApi {

    private static final PrivateKey TEST_KEY = testKey();

    public static RequestSpecification as(String officeKato) {
        return given().auth().oauth2(Tokens.forOffice(Roles.AKIM_OFFICE, officeKato));
    }

    public static RequestSpecification asAccount(String officeKato, String subject) {
        return given().auth().oauth2(Tokens.build(Roles.AKIM_OFFICE, officeKato, subject));
    }

    /** The head of the body (or a deputy): an office token with the {@code office-head} claim. */
    public static RequestSpecification asHead(String officeKato) {
        String subject = "head-" + officeKato;
        String token = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(subject).upn(subject)
                .groups(Set.of(Roles.AKIM_OFFICE))
                .claim("kato", officeKato).claim("office-head", true).expiresIn(Duration.ofHours(1))
                .jws().keyId("test").sign(TEST_KEY);
        return given().auth().oauth2(token);
    }

    /** A district or regional akimat, or the Presidential Administration (katoCode null). */
    public static RequestSpecification asHigherBody(String role, String katoCode) {
        return given().auth().oauth2(katoCode == null ? Tokens.forRole(role) : Tokens.forOffice(role, katoCode));
    }

    /** The e-government front end acting for a signed-in citizen. */
    public static RequestSpecification asFrontend() {
        return given().auth().oauth2(Tokens.forRole(Roles.FRONTEND)).contentType("application/json");
    }

    /** Waits until the appeal is in the office's inbox, i.e. the routing event has been applied. */
    public static void awaitAppeal(String officeKato, UUID appealId) {
        eventually(() -> {
            as(officeKato).get("/api/v1/appeals/{id}", appealId).then().statusCode(200);
        });
    }

    /** test-support's committed test key, which the service under test trusts. */
    private static PrivateKey testKey() {
        try (InputStream in = OfficeApi.class.getResourceAsStream("/test-keys/jwt-private.pem")) {
            Path file = Files.createTempFile("response-test-key", ".pem");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return Tokens.readPrivateKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OfficeApi() {
    }
}
