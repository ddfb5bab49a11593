package kz.appeals.routing.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.testing.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

/**
 * Every operation against every caller, as src/test/resources/authorization-matrix.tsv declares. Routing holds
 * nothing scoped to a district: its territory is reference data, its routes and triage are the operators'.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationLetsInExactlyTheDeclaredCallers() {
        AuthorizationMatrix.of(root)
                .officeKato("991021000")
                .sample("appealId", UUID.randomUUID().toString())
                .sample("kato", "991021000")
                .sample("regionKato", "990000000")
                // A rule no test relies on: an admin's empty change is refused and the delete finds nothing.
                .sample("category", "authorization-matrix")
                .sample("scope", "990000000")
                .verify();
    }
}
