package kz.appeals.escalation.api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.AuthorizationMatrix;
import kz.appeals.testing.AuthorizationMatrix.Seed;
import kz.appeals.testing.KafkaProbe;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static kz.appeals.escalation.support.DeadlineApi.deadline;
import static kz.appeals.escalation.support.LifecycleEvents.DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.routed;
import static kz.appeals.escalation.support.LifecycleEvents.send;
import static kz.appeals.testing.Eventually.eventually;

/** Every operation against every caller, as src/test/resources/authorization-matrix.tsv declares. */
@QuarkusTest
class AuthorizationMatrixTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyOperationLetsInExactlyTheDeclaredCallers() {
        UUID appealId = UUID.randomUUID();
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, LocalDate.now(AppkTerms.NATIONAL_OFFSET)));
        }
        eventually(() -> deadline(appealId).statusCode(200));
        Seed ownDeadline = Seed.of(RURAL_DISTRICT, OTHER_RURAL_DISTRICT, appealId.toString(),
                Map.of("appealId", appealId.toString()));

        AuthorizationMatrix.of(root)
                .officeKato(OTHER_RURAL_DISTRICT)
                .sample("appealId", UUID.randomUUID().toString())
                // A year no other test loads: an admin's empty upload is refused and changes nothing anyway.
                .sample("year", "2031")
                .sample("kato", DISTRICT)
                // Only an office is limited to its body; the oversight roles read every deadline.
                .seeder((operation, role) -> Optional.of(ownDeadline).filter(seed -> role.equals(Roles.AKIM_OFFICE)))
                .verify();
    }
}
