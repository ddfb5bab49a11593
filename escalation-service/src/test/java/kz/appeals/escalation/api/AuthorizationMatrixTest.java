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
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_REGION;
import static kz.appeals.escalation.support.LifecycleEvents.OTHER_RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.REGION;
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
        // registered two months ago: past its due date, on the overdue lists of its district and region
        LocalDate longAgo = LocalDate.now(AppkTerms.NATIONAL_OFFSET).minusMonths(2);
        try (KafkaProbe sender = new KafkaProbe(Topics.ESCALATION)) {
            send(sender, routed(appealId, RURAL_DISTRICT, longAgo));
        }
        eventually(() -> deadline(appealId).statusCode(200));
        Map<String, Seed> deadlineOf = Map.of(
                Roles.AKIM_OFFICE, Seed.of(RURAL_DISTRICT, OTHER_RURAL_DISTRICT, appealId.toString(),
                        Map.of("appealId", appealId.toString())),
                Roles.DISTRICT_AKIMAT, Seed.of(DISTRICT, OTHER_DISTRICT, appealId.toString(),
                        Map.of("appealId", appealId.toString())),
                Roles.REGION_AKIMAT, Seed.of(REGION, OTHER_REGION, appealId.toString(),
                        Map.of("appealId", appealId.toString())));
        Map<String, Seed> overdueOf = Map.of(
                Roles.DISTRICT_AKIMAT, Seed.of(DISTRICT, OTHER_DISTRICT, appealId.toString(), Map.of("kato", REGION)),
                Roles.REGION_AKIMAT, Seed.of(REGION, OTHER_REGION, appealId.toString(), Map.of("kato", REGION)));

        AuthorizationMatrix.of(root)
                .officeKato(OTHER_RURAL_DISTRICT)
                .sample("appealId", UUID.randomUUID().toString())
                // A year no other test loads: an admin's empty upload is refused and changes nothing anyway.
                .sample("year", "2031")
                .sample("kato", DISTRICT)
                // An office reads its body's deadlines, an akimat its territory's; the nationwide roles every one.
                .seeder((operation, role) -> Optional.ofNullable(
                        (operation.endsWith("/overdue") ? overdueOf : deadlineOf).get(role)))
                .verify();
    }
}
