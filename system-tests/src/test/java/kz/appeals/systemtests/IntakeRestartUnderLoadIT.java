package kz.appeals.systemtests;

import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "A 201 means the appeal is durable", under load: intake is killed (SIGKILL) while front ends keep submitting,
 * restarted, and every appeal that ever got a 201 is then published — none lost, none under two ids.
 */
class IntakeRestartUnderLoadIT {

    private static final int PORT = 18092;
    private static final int SUBMITTERS = 4;
    /** Each submitter's pause after a 201: about 100 appeals/s in all, load enough, a backlog the later tests can bear. */
    private static final Duration PAUSE_AFTER_ACCEPTED = Duration.ofMillis(40);

    @Test
    void noAppealThatGotA201IsLostWhenIntakeDiesMidLoad() throws Exception {
        String kato = "99102" + String.format("%04d", (int) (Math.random() * 9000) + 1000);
        try (KafkaProbe territory = new KafkaProbe(Topics.TERRITORY)) {
            territory.send(Topics.TERRITORY, kato,
                    KafkaProbe.cloudEventHeaders(EventType.SETTLEMENT_PUBLISHED, UUID.randomUUID(), kato),
                    EventJson.write(new TerritoryEvents.SettlementPublished(kato, kato.substring(0, 6) + "000",
                            "991000000", "990000000", "Сынақ ауылы", "село Проба", LocalDate.of(2026, 1, 1), null,
                            Instant.now())));
        }
        ScenarioLoad load = new ScenarioLoad("http://127.0.0.1:" + PORT, kato, SUBMITTERS, PAUSE_AFTER_ACCEPTED);
        try (KafkaProbe intakeTopic = new KafkaProbe(Topics.INTAKE); load) {
            // One process object, two processes: the restarted one's relay publishes what the killed one left.
            try (ServiceProcess intake = new ServiceProcess("intake", PORT)) {
                intake.start().awaitReady(Duration.ofSeconds(120));
                ScenarioLoad.awaitAccepting(intake.baseUrl(), kato, Duration.ofSeconds(60));
                load.start().awaitMoreAccepted(40, Duration.ofSeconds(90));
                intake.kill();
                intake.start().awaitReady(Duration.ofSeconds(120));
                load.awaitMoreAccepted(20, Duration.ofSeconds(90));
                Set<String> accepted = load.stop().stream().map(UUID::toString).collect(Collectors.toSet());

                Map<String, Set<String>> eventIdsByAppeal = new HashMap<>();
                Set<String> published = eventIdsByAppeal.keySet();
                Instant deadline = Instant.now().plusSeconds(60);
                while (!published.containsAll(accepted) && Instant.now().isBefore(deadline)) {
                    List<ConsumerRecord<String, String>> records = intakeTopic.collect(Duration.ofSeconds(1));
                    for (ConsumerRecord<String, String> record : records) {
                        if (EventType.SUBMITTED.wireName().equals(KafkaProbe.header(record, CloudEventHeaders.TYPE))) {
                            eventIdsByAppeal.computeIfAbsent(record.key(), key -> new HashSet<>())
                                    .add(KafkaProbe.header(record, CloudEventHeaders.ID));
                        }
                    }
                }
                Set<String> lost = new HashSet<>(accepted);
                lost.removeAll(published);
                assertEquals(Set.of(), lost, "appeals answered 201 but never published (" + accepted.size()
                        + " accepted; other answers meanwhile by status: " + load.refusedByStatus() + ")");
                // A relay crash may publish an event twice, but always under its one id, which consumers deduplicate.
                eventIdsByAppeal.forEach((appeal, ids) -> assertEquals(1, ids.size(), appeal + " published as " + ids));
            }
        }
    }
}
