package kz.appeals.intake.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.service.PersonalDataRetention;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The answering body reads its applicant, nobody else does, every read is audited, and retention erases. */
@QuarkusTest
class ApplicantDisclosureTest {

    private static final String HOLDER = "991021000";
    private static final AppealEvents.Body AKIM = new AppealEvents.Body("akim-" + HOLDER,
            AppealEvents.BodyLevel.RURAL_DISTRICT, HOLDER, "Ақбұлақ ауылдық округі", "Акбулакский сельский округ");

    @Inject
    IntakeFixtures fixtures;
    @Inject
    EntityManager entityManager;
    @Inject
    PersonalDataRetention retention;

    @Test
    void onlyTheHoldingBodyReadsTheApplicantAndEveryReadIsAudited() {
        String iin = SampleCitizens.randomIin();
        var receipt = routedAppeal(iin);
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
        var receipt = routedAppeal(iin);
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

    /** An appeal filed by the citizen and routed to {@link #AKIM}, as routing would announce it. */
    private io.restassured.path.json.JsonPath routedAppeal(String iin) {
        fixtures.sampleSettlementKnown();
        var receipt = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .contentType(ContentType.JSON).body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin))
                .post("/api/v1/appeals").then().statusCode(201).extract().jsonPath();
        UUID appealId = UUID.fromString(receipt.getString("appealId"));
        AppealEvents.Routed routed = new AppealEvents.Routed(appealId, receipt.getString("receiptNumber"), AKIM,
                HOLDER, "991020000", "991000000", AppealEvents.RoutingMethod.KATO, "KATO settlement",
                AppealEvents.AppealType.APPLICATION, "roads", "…", AppealEvents.Language.kk,
                LocalDate.parse(receipt.getString("registrationDay")), Instant.now().plusSeconds(60));
        try (KafkaProbe routing = new KafkaProbe(Topics.ROUTING)) {
            routing.send(Topics.ROUTING, appealId.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.ROUTED, UUID.randomUUID(), appealId.toString()),
                    EventJson.write(routed));
        }
        eventually(() -> assertEquals(1L, fixtures.count("select count(*) from appeal_progress where appeal_id = '"
                + appealId + "' and body_kato = '" + HOLDER + "'")));
        return receipt;
    }
}
