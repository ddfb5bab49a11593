package kz.appeals.systemtests;

import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.TerritoryEvents;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.EventJson;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A 201 means the appeal is durable", under load: intake is killed (SIGKILL) while front ends keep submitting,
 * restarted, and every appeal that ever got a 201 is then published — none lost, none under two ids.
 */
class IntakeRestartUnderLoadIT {

    private static final Pattern APPEAL_ID = Pattern.compile("\"appealId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final int PORT = 18092;
    private static final int SUBMITTERS = 4;
    /** Each submitter's pause after a 201: about 100 appeals/s in all, load enough, a backlog the later tests can bear. */
    private static final long PAUSE_AFTER_ACCEPTED_MILLIS = 40;
    private static final String TOKEN = Tokens.bearer(Tokens.forRole("frontend"));

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
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger failedWhileDown = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        try (KafkaProbe intakeTopic = new KafkaProbe(Topics.INTAKE)) {
            ServiceProcess first = new ServiceProcess("intake", PORT);
            try {
                first.start().awaitReady(Duration.ofSeconds(120));
                awaitAccepting(first.baseUrl(), kato);
                for (int i = 0; i < SUBMITTERS; i++) {
                    submitters.submit(() -> submitUntilStopped(first.baseUrl(), kato, running, accepted, failedWhileDown));
                }
                awaitAtLeast(accepted, 40);
                first.kill();
            } finally {
                first.close();
            }
            int acceptedBeforeCrash = accepted.size();
            try (ServiceProcess restarted = new ServiceProcess("intake", PORT).start()) {
                restarted.awaitReady(Duration.ofSeconds(120));
                awaitAtLeast(accepted, acceptedBeforeCrash + 20);
                running.set(false);
                submitters.shutdown();
                assertTrue(submitters.awaitTermination(60, TimeUnit.SECONDS), "submitters stopped");

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
                assertEquals(Set.of(), lost, "appeals answered 201 but never published ("
                        + accepted.size() + " accepted, " + failedWhileDown.get() + " requests failed meanwhile)");
                // A relay crash may publish an event twice, but always under its one id, which consumers deduplicate.
                eventIdsByAppeal.forEach((appeal, ids) -> assertEquals(1, ids.size(), appeal + " published as " + ids));
            }
        } finally {
            running.set(false);
            submitters.shutdownNow();
        }
    }

    private static void submitUntilStopped(String baseUrl, String kato, AtomicBoolean running, Set<String> accepted,
                                           AtomicInteger failed) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            Optional<String> appealId = submit(http, baseUrl, kato);
            if (appealId.isPresent()) {
                accepted.add(appealId.get());
                pause(PAUSE_AFTER_ACCEPTED_MILLIS);
            } else {
                failed.incrementAndGet();
                pause(50);
            }
        }
    }

    /** @return the appeal id of a 201; empty for any other answer or none (intake down) */
    private static Optional<String> submit(HttpClient http, String baseUrl, String kato) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/appeals"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", TOKEN)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(SampleCitizens.appealJson(kato, SampleCitizens.randomIin())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = APPEAL_ID.matcher(response.body());
            return response.statusCode() == 201 && id.find() ? Optional.of(id.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void awaitAccepting(String baseUrl, String kato) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (submit(http, baseUrl, kato).isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "intake never learned settlement " + kato);
            pause(300);
        }
    }

    private static void awaitAtLeast(Set<String> accepted, int count) {
        Instant deadline = Instant.now().plusSeconds(90);
        while (accepted.size() < count && Instant.now().isBefore(deadline)) {
            pause(100);
        }
        assertTrue(accepted.size() >= count, "only " + accepted.size() + " appeals accepted, wanted " + count);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
