package kz.appeals.intake.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.intake.service.PersonalDataRetention;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The answering body reads its applicant, nobody else does, every read is audited, and retention erases. */
@QuarkusTest
class ApplicantDisclosureTest {

    private static final String HOLDER = "991021000";

    @Inject
    IntakeFixtures fixtures;
    @Inject
    EntityManager entityManager;
    @Inject
    PersonalDataRetention retention;

    @Test
    void onlyTheHoldingBodyReadsTheApplicantAndEveryReadIsAudited() {
        String iin = SampleCitizens.randomIin();
        var receipt = fixtures.routedAppeal(iin, HOLDER);
        String receiptNumber = receipt.getString("receiptNumber");
        String office = Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, HOLDER));

        given().header("Authorization", office).get("/api/v1/appeals/" + receiptNumber + "/applicant")
                .then().statusCode(200).body("iin", equalTo(iin)).body("fullName", equalTo("Сынақ Азамат"));

        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, "991022000")))
                .get("/api/v1/appeals/" + receiptNumber + "/applicant").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.DISTRICT_AKIMAT, "991020000")))
                .get("/api/v1/appeals/" + receiptNumber + "/applicant").then().statusCode(404);
        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .get("/api/v1/appeals/" + receiptNumber + "/applicant").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.AUDITOR)))
                .get("/api/v1/appeals/" + receiptNumber + "/applicant").then().statusCode(403);

        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.AUDITOR)))
                .get("/api/v1/audit/personal-data-reads?appeal=" + receiptNumber).then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].reader", equalTo("akim-office-" + HOLDER))
                .body("[0].readerKato", equalTo(HOLDER))
                .body("[0].readerRoles", equalTo(Roles.AKIM_OFFICE));
        given().header("Authorization", office).get("/api/v1/audit/personal-data-reads").then().statusCode(403);
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.AUDITOR)))
                .get("/api/v1/audit/personal-data-reads?from=yesterday").then().statusCode(422)
                .body("errors.field[0]", equalTo("from"));
    }

    @Test
    void aClosedAppealLosesItsApplicantAfterTheRetentionPeriod() {
        String iin = SampleCitizens.randomIin();
        var receipt = fixtures.routedAppeal(iin, HOLDER);
        UUID appealId = UUID.fromString(receipt.getString("appealId"));
        String receiptNumber = receipt.getString("receiptNumber");
        // Answered four years ago: past the default three-year retention.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update appeal_progress set status = 'ANSWERED', updated_at = ?1 where appeal_id = ?2")
                .setParameter(1, Instant.now().minus(4 * 365, ChronoUnit.DAYS)).setParameter(2, appealId)
                .executeUpdate());

        retention.anonymiseExpired();

        assertEquals(0L, fixtures.count("select count(*) from appeal where id = '" + appealId
                + "' and (applicant_sealed is not null or applicant_ref is not null or anonymised_at is null)"));
        given().header("Authorization", Tokens.bearer(Tokens.forOffice(Roles.AKIM_OFFICE, HOLDER)))
                .get("/api/v1/appeals/" + receiptNumber + "/applicant").then().statusCode(410)
                .body("type", equalTo("https://appeals.kz/problems/personal-data-erased"));
        given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .get("/api/v1/appeals/" + receiptNumber).then().statusCode(404);
    }
}
