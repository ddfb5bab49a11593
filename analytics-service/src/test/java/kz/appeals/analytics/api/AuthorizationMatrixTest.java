package kz.appeals.analytics.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.testing.AuthorizationMatrix;
import org.junit.jupiter.api.Test;

import java.net.URI;

/** Every operation against every caller, as src/test/resources/authorization-matrix.tsv declares. */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationLetsInExactlyTheDeclaredCallers() {
        AuthorizationMatrix.of(root)
                .officeKato("991000000")
                .sample("level", "regions")
                .sample("kato", "990000000")
                .sample("regionKato", "990000000")
                .sample("from", "2026-01-01")
                .sample("to", "2026-12-31")
                .verify();
    }
}
