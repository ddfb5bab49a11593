package kz.appeals.intake.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.AuthorizationMatrix;
import kz.appeals.testing.AuthorizationMatrix.Seed;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Every operation against every caller, as src/test/resources/authorization-matrix.tsv declares. */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String HOLDER = "991021000";
    private static final String OTHER_BODY = "991022000";

    @TestHTTPResource("/")
    URI root;
    @Inject
    IntakeFixtures fixtures;

    @Test
    void everyOperationLetsInExactlyTheDeclaredCallers() {
        String receipt = fixtures.routedAppeal(SampleCitizens.randomIin(), HOLDER).getString("receiptNumber");
        Seed heldAppeal = Seed.of(HOLDER, OTHER_BODY, receipt, Map.of("receipt", receipt));
        String apiKey = given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.ADMIN)))
                .contentType(ContentType.JSON).body("{\"clientName\":\"authorization matrix\"}")
                .post("/api/v1/admin/open311-keys").then().statusCode(201).extract().path("apiKey");

        AuthorizationMatrix.of(root)
                .officeKato(OTHER_BODY)
                // A front end always acts for a signed-in citizen, here one with no appeals.
                .token(Roles.FRONTEND, Tokens.forCitizen(SampleCitizens.randomIin()))
                .apiKey("api_key", apiKey)
                .sample("receipt", "KZ26-0000001-F")
                .sample("service_request_id", "KZ26-0000001-F")
                .sample("token_id", UUID.randomUUID().toString())
                .sample("id", UUID.randomUUID().toString())
                .sample("service_code", "roads")
                .sample("format", "json")
                .sample("Idempotency-Key", "authorization-matrix-" + UUID.randomUUID())
                // Only the holding body reads the applicant; the other office roles hold no rural appeal here.
                .seeder((operation, role) -> Optional.of(heldAppeal).filter(seed -> role.equals(Roles.AKIM_OFFICE)))
                .verify();
    }
}
