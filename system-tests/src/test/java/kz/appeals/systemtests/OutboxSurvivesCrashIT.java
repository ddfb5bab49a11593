package kz.appeals.systemtests;

import io.restassured.http.ContentType;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A 201 means the appeal is durable": intake answers 201, dies by SIGKILL before its relay publishes, and after
 * a restart the committed event still reaches the topic — exactly once per appeal id from the outbox's view.
 */
class OutboxSurvivesCrashIT {

    @Test
    void anEventCommittedBeforeACrashIsPublishedAfterTheRestart() throws Exception {
        String kato = "99102" + String.format("%04d", (int) (Math.random() * 9000) + 1000);
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, kato,
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), kato),
                    EventJson.write(new TerritoryEvents.SettlementPublished(kato, kato.substring(0, 6) + "000",
                            "991000000", "990000000", "Сынақ ауылы", "село Проба", LocalDate.of(2026, 1, 1), null,
                            Instant.now())));
        }
        String appealId;
        try (KafkaProbe intakeTopic = new KafkaProbe(Topics.INTAKE)) {
            // The relay is switched off so that the crash certainly comes before publication.
            ServiceProcess withoutRelay = new ServiceProcess("intake", 18091,
                    Map.of("APPEALS_OUTBOX_RELAY_ENABLED", "false", "APPEALS_OUTBOX_BACKLOG_EVERY", "1s"));
            try {
                withoutRelay.start().awaitReady(Duration.ofSeconds(120));
                appealId = submitWhenSettlementKnown(withoutRelay, kato);
                assertTrue(intakeTopic.collect(Duration.ofSeconds(3)).stream()
                        .noneMatch(r -> appealId.equals(r.key())), "nothing may be published with the relay off");
                assertReadyWithBacklog(withoutRelay);
                withoutRelay.kill();
            } finally {
                withoutRelay.close();
            }

            try (ServiceProcess restarted = new ServiceProcess("intake", 18091).start()) {
                restarted.awaitReady(Duration.ofSeconds(120));
                intakeTopic.await(KafkaProbe.ofType(EventType.SUBMITTED, appealId), Duration.ofSeconds(30));
            }
        }
    }

    /** A backlog is what the outbox is for: readiness shows it and stays UP (a DOWN would stop the traffic). */
    private static void assertReadyWithBacklog(ServiceProcess intake) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var ready = given().get(intake.baseUrl() + "/q/health/ready");
            Object backlog = ready.jsonPath().get("checks.find { it.name == 'outbox' }.data.backlog");
            if (backlog instanceof Number events && events.longValue() > 0) {
                assertEquals(200, ready.statusCode(), "ready with a backlog: " + ready.asString());
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("readiness never showed the unpublished event");
    }

    private static String submitWhenSettlementKnown(ServiceProcess intake, String kato) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var response = given().header("Authorization", Tokens.bearer(Tokens.forRole("frontend")))
                    .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(SampleCitizens.appealJson(kato, SampleCitizens.randomIin()))
                    .post(intake.baseUrl() + "/api/v1/appeals");
            if (response.statusCode() == 201) {
                return response.jsonPath().getString("appealId");
            }
            Thread.sleep(300);
        }
        throw new AssertionError("intake never learned settlement " + kato);
    }
}
