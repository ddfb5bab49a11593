package kz.appeals.intake.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A bearer token's signature is checked once and the verified token remembered (platform VerifiedTokens): what a
 * front end sending the same token again costs, and what it must never let through.
 */
@QuarkusTest
class TokenVerificationTest {

    /** Needs the frontend role; without a citizen in the token it answers 403, so 403 means "authenticated". */
    private static final String TIMELINE = "/api/v1/appeals/AB-0000-0000-0";

    @Inject
    MeterRegistry registry;

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        String token = Tokens.unique(Roles.FRONTEND);
        double checked = count("checked");
        double remembered = count("remembered");

        for (int i = 0; i < 3; i++) {
            timeline(token).then().statusCode(403);
        }

        assertEquals(checked + 1, count("checked"), "signature checked once");
        assertEquals(remembered + 2, count("remembered"), "then served from memory");
    }

    @Test
    void aRememberedTokenAlteredByOneCharacterIsRefused() {
        String token = Tokens.unique(Roles.FRONTEND);
        timeline(token).then().statusCode(403);
        String payload = token.split("\\.")[1];
        char last = payload.charAt(payload.length() - 1);
        String altered = token.replace(payload, payload.substring(0, payload.length() - 1) + (last == 'A' ? 'B' : 'A'));

        timeline(altered).then().statusCode(401);
    }

    @Test
    void refusedTokensAreRefusedEveryTimeAndNeverRemembered() {
        for (String refused : new String[] {Tokens.expired(Roles.FRONTEND), Tokens.signedWithForeignKey(Roles.FRONTEND)}) {
            double remembered = count("remembered");
            timeline(refused).then().statusCode(401);
            timeline(refused).then().statusCode(401);
            assertEquals(remembered, count("remembered"));
        }
    }

    @Test
    void aTokenIssuedInTheFutureOrLivingTooLongIsRefusedWithOneChallenge() {
        timeline(Tokens.issuedInTheFuture(Roles.FRONTEND, Duration.ofSeconds(30))).then().statusCode(403);
        timeline(Tokens.livingFor(Roles.FRONTEND, Duration.ofHours(24))).then().statusCode(403);
        for (String refused : new String[] {Tokens.issuedInTheFuture(Roles.FRONTEND, Duration.ofDays(365)),
                Tokens.livingFor(Roles.FRONTEND, Duration.ofDays(36_500))}) {
            var answer = timeline(refused);
            answer.then().statusCode(401).contentType("application/problem+json");
            assertEquals(List.of("Bearer error=\"invalid_token\""), answer.headers().getValues("WWW-Authenticate"));
        }
        var anonymous = given().get(TIMELINE);
        anonymous.then().statusCode(401);
        assertEquals(List.of("Bearer"), anonymous.headers().getValues("WWW-Authenticate"));
    }

    private static io.restassured.response.Response timeline(String token) {
        return given().header("Authorization", Tokens.bearer(token)).get(TIMELINE);
    }

    private double count(String verification) {
        return registry.counter("appeals.security.tokens", "verification", verification).count();
    }
}
