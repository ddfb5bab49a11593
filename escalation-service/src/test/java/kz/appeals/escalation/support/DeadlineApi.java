package kz.appeals.escalation.support;

import io.restassured.response.ValidatableResponse;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Reads deadlines through the service's own API, as an administrator. */
public final class DeadlineApi {

    private static final String ADMIN = Tokens.bearer(Tokens.forRole(Roles.ADMIN));

    public static ValidatableResponse deadline(UUID appealId) {
        return given().header("Authorization", ADMIN).get("/api/v1/deadlines/{id}", appealId).then();
    }

    private DeadlineApi() {
    }
}
