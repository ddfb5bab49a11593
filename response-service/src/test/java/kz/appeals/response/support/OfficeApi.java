package kz.appeals.response.support;

import io.restassured.specification.RequestSpecification;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.Tokens;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;

/** Calls the office API with real tokens minted by test-support. */
public final class OfficeApi {

    public static RequestSpecification as(String officeKato) {
        return given().auth().oauth2(Tokens.forOffice(Roles.AKIM_OFFICE, officeKato));
    }

    public static RequestSpecification asAccount(String officeKato, String subject) {
        return given().auth().oauth2(Tokens.build(Roles.AKIM_OFFICE, officeKato, subject));
    }

    /** Waits until the appeal is in the office's inbox, i.e. the routing event has been applied. */
    public static void awaitAppeal(String officeKato, UUID appealId) {
        eventually(() -> {
            as(officeKato).get("/api/v1/appeals/{id}", appealId).then().statusCode(200);
        });
    }

    private OfficeApi() {
    }
}
