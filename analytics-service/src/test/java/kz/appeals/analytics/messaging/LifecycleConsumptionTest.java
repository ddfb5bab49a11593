package kz.appeals.analytics.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.Column;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.FactStore;
import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.answered;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.redirected;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static kz.appeals.analytics.LifecycleEvents.submitted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The four consumers against the real test broker and database. */
@QuarkusTest
class LifecycleConsumptionTest {

    private static final Instant ANSWERED_AT = Instant.parse("2026-11-25T05:00:00Z");

    private final FactStore store;
    private KafkaProbe probe;

    LifecycleConsumptionTest(FactStore store) {
        this.store = store;
    }

    @BeforeEach
    void openProbe() {
        probe = new KafkaProbe(Topics.INTAKE);
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void anAppealSubmittedRoutedAndAnsweredCountsForItsRuralDistrict() {
        UUID appeal = UUID.randomUUID();
        String ruralDistrict = randomKato();
        send(probe, submitted(appeal, ruralDistrict));
        send(probe, routed(appeal, ruralDistrict, randomKato()));
        send(probe, answered(appeal, ruralDistrict, ANSWERED_AT));

        Eventually.await(() -> Eventually.whenOk(() -> metrics(ruralDistrict), "answered"), Integer.valueOf(1)::equals,
                "the answer counted for " + ruralDistrict);
        metrics(ruralDistrict)
                .body("kato", equalTo(ruralDistrict))
                .body("level", equalTo("RURAL_DISTRICT"))
                .body("period.from", equalTo("2026-11-01"))
                .body("period.to", equalTo("2026-11-30"))
                .body("received", equalTo(1))
                .body("answered", equalTo(1))
                .body("answeredOnTime", equalTo(1))
                .body("redirected", equalTo(0))
                .body("escalated", equalTo(0));
    }

    @Test
    void theSameEventsInReverseOrderGiveTheSameRow() {
        String ruralDistrict = randomKato();
        String region = randomKato();
        UUID inOrder = UUID.randomUUID();
        UUID reversed = UUID.randomUUID();

        // Each event is awaited before the next is sent, so the order across topics is really the one written here.
        for (AppealEvent event : List.of(submitted(inOrder, ruralDistrict), routed(inOrder, ruralDistrict, region),
                answered(inOrder, ruralDistrict, ANSWERED_AT))) {
            store.awaitProcessed(send(probe, event));
        }
        for (AppealEvent event : List.of(answered(reversed, ruralDistrict, ANSWERED_AT),
                routed(reversed, ruralDistrict, region), submitted(reversed, ruralDistrict))) {
            store.awaitProcessed(send(probe, event));
        }

        Map<String, Object> expected = row(store.fact(inOrder));
        assertNotNull(expected.get("firstAnsweredAt"));
        assertEquals(ruralDistrict, expected.get("ruralDistrictKato"));
        assertEquals(expected, row(store.fact(reversed)));
    }

    @Test
    void aDuplicateDeliveryChangesNothing() {
        UUID appeal = UUID.randomUUID();
        String ruralDistrict = randomKato();
        String region = randomKato();
        UUID redirect = UUID.randomUUID();
        send(probe, routed(appeal, ruralDistrict, region));
        send(probe, redirected(appeal, ruralDistrict, region, Instant.parse("2026-11-24T06:00:00Z")), redirect);
        send(probe, redirected(appeal, ruralDistrict, region, Instant.parse("2026-11-24T06:00:00Z")), redirect);
        // Same topic and key, so same partition: once this one is processed, so is the duplicate before it.
        UUID secondRedirect = send(probe, redirected(appeal, ruralDistrict, region,
                Instant.parse("2026-11-25T06:00:00Z")));
        store.awaitProcessed(secondRedirect);

        assertEquals(2, store.fact(appeal).redirectedCount);
        assertEquals(1, store.inboxEntries(redirect));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextIsProcessed() {
        UUID appeal = UUID.randomUUID();
        String ruralDistrict = randomKato();
        try (KafkaProbe deadLetters = new KafkaProbe(Topics.deadLetter("analytics"))) {
            probe.send(Topics.RESPONSE, appeal.toString(),
                    KafkaProbe.cloudEventHeaders(EventType.ANSWERED, UUID.randomUUID(), appeal.toString()),
                    "{\"appealId\": \"" + appeal + "\", \"outcome\": ");
            UUID next = send(probe, answered(appeal, ruralDistrict, ANSWERED_AT));

            ConsumerRecord<String, String> parked = awaitDeadLetter(deadLetters, appeal.toString());
            assertNotNull(KafkaProbe.header(parked, "dead-letter-reason"), "reason header");
            store.awaitProcessed(next);
            assertEquals(ANSWERED_AT, store.fact(appeal).firstAnsweredAt);
        }
    }

    /**
     * Reads the dead-letter topic without {@link KafkaProbe#await}, which would validate the parked record against
     * the schema of its type — a dead letter is exactly a record that fails it.
     */
    private static ConsumerRecord<String, String> awaitDeadLetter(KafkaProbe deadLetters, String key) {
        Optional<ConsumerRecord<String, String>> found = Eventually.await(
                () -> deadLetters.collect(Duration.ofMillis(500)).stream()
                        .filter(record -> key.equals(record.key())).findFirst(),
                Optional::isPresent, "a dead letter keyed " + key);
        return found.orElseThrow();
    }

    private static ValidatableResponse metrics(String ruralDistrict) {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST))
                .queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/metrics/rural-districts/{kato}", ruralDistrict)
                .then().statusCode(200);
    }

    /** The row's columns except its key, which differs between the two appeals compared. */
    private static Map<String, Object> row(AppealFact fact) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Field field : AppealFact.class.getDeclaredFields()) {
            if (!field.isAnnotationPresent(Column.class) || field.getName().equals("appealId")) {
                continue;
            }
            try {
                // Quarkus turns public entity fields into protected ones behind generated accessors.
                field.setAccessible(true);
                row.put(field.getName(), field.get(fact));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return row;
    }
}
