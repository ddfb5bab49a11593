package kz.appeals.intake.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.intake.domain.Applicant;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The applicant's personal data: sealed at rest, never on a topic. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    IntakeFixtures fixtures;
    @Inject
    EntityManager entityManager;
    @Inject
    ApplicantVault vault;
    @Inject
    PersonalDataSealer sealer;

    @Test
    void theApplicantIsStoredOnlySealedAndNothingPersonalIsPublished() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String body = SampleCitizens.appealJson(IntakeFixtures.KATO, iin)
                .replace("\"phone\":", "\"email\":\"aigerim.test@example.kz\",\"phone\":");
        Matcher phone = Pattern.compile("\\+7\\d{10}").matcher(body);
        assertTrue(phone.find());
        try (KafkaProbe intake = new KafkaProbe(Topics.INTAKE)) {
            var receipt = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                    .contentType(ContentType.JSON).body(body).post("/api/v1/appeals")
                    .then().statusCode(201).extract().jsonPath();
            String appealId = receipt.getString("appealId");

            ConsumerRecord<String, String> event = intake.await(KafkaProbe.ofType(EventType.SUBMITTED, appealId),
                    Duration.ofSeconds(20));
            StringBuilder published = new StringBuilder(event.value()).append(event.key());
            for (Header header : event.headers()) {
                published.append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertEquals(submittedRef(event.value()), receipt.getString("applicantRef"),
                    "the receipt gives the front end the reference rating and reopening need");
            for (String personal : new String[]{iin, phone.group(), phone.group().substring(2), "Сынақ Азамат",
                    "aigerim.test@example.kz"}) {
                assertFalse(published.toString().contains(personal), "published event contains " + personal);
            }

            Object[] row = row(UUID.fromString(appealId));
            assertNull(row[0], "no plaintext IIN");
            assertNull(row[1], "no plaintext name");
            assertNull(row[2], "no plaintext phone");
            byte[] sealed = (byte[]) row[3];
            assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(iin), "IIN not readable at rest");
            assertEquals(new Applicant(iin, "Сынақ Азамат", phone.group(), "aigerim.test@example.kz"),
                    vault.open(sealed, UUID.fromString(appealId)));
            assertThrows(IllegalStateException.class, () -> vault.open(sealed, UUID.randomUUID()),
                    "a sealed value moved to another appeal does not open");
        }
    }

    @Test
    void appealsStoredInPlaintextByAnEarlierVersionAreSealed() {
        fixtures.sampleSettlementKnown();
        String iin = SampleCitizens.randomIin();
        String appealId = given().header("Authorization", Tokens.bearer(Tokens.forCitizen(iin)))
                .contentType(ContentType.JSON).body(SampleCitizens.appealJson(IntakeFixtures.KATO, iin))
                .post("/api/v1/appeals").then().statusCode(201).extract().path("appealId");
        UUID id = UUID.fromString(appealId);
        // What a row written before migration V3 looks like.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        update appeal set applicant_sealed = null, applicant_iin = ?1, applicant_name = 'Ескі Жазба',
                        applicant_phone = '+77010000000' where id = ?2""")
                .setParameter(1, iin).setParameter(2, id).executeUpdate());

        sealer.sealPlaintextRows();

        Object[] row = row(id);
        assertArrayEquals(new Object[]{null, null, null}, new Object[]{row[0], row[1], row[2]});
        assertEquals(new Applicant(iin, "Ескі Жазба", "+77010000000", null), vault.open((byte[]) row[3], id));
    }

    private static String submittedRef(String eventJson) {
        return EventJson.read(eventJson, AppealEvents.Submitted.class)
                .applicantRef();
    }

    private Object[] row(UUID appealId) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select applicant_iin, applicant_name, applicant_phone, applicant_sealed from appeal where id = ?1")
                .setParameter(1, appealId).getSingleResult());
    }
}
