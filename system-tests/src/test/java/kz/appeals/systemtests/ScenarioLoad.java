package kz.appeals.systemtests;

import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Front ends submitting valid appeals to intake during a fault: {@code submitters} threads, each POSTing with a fresh
 * Idempotency-Key and pausing after each 201. Keeps every appeal id that got a 201 (what must then be held exactly once
 * everywhere) and counts every other answer by status, {@code -1} for none (intake down or too slow).
 */
final class ScenarioLoad implements AutoCloseable {

    private static final Pattern APPEAL_ID = Pattern.compile("\"appealId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final String TOKEN = Tokens.bearer(Tokens.forRole("frontend"));
    /** Without an answer a request counts as failed; intake may still have registered it, which no check relies on. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String intakeUrl;
    private final String kato;
    private final int submitters;
    private final Duration pauseAfterAccepted;
    private final Set<UUID> accepted = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Integer> refusedByStatus = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService threads;

    /**
     * @param intakeUrl          intake's base URL
     * @param kato               the settlement the appeals are about (intake must know it)
     * @param pauseAfterAccepted each submitter's pause after a 201, which sets the offered rate
     */
    ScenarioLoad(String intakeUrl, String kato, int submitters, Duration pauseAfterAccepted) {
        this.intakeUrl = intakeUrl;
        this.kato = kato;
        this.submitters = submitters;
        this.pauseAfterAccepted = pauseAfterAccepted;
    }

    /** Waits until intake answers 201 for {@code kato} (it learns settlements from the territory topic). */
    static void awaitAccepting(String intakeUrl, String kato, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (submit(http, intakeUrl, kato).appealId().isEmpty()) {
            assertTrue(Instant.now().isBefore(deadline), "intake at " + intakeUrl + " never accepted an appeal for "
                    + kato + " within " + timeout);
            pause(Duration.ofMillis(300));
        }
    }

    ScenarioLoad start() {
        running.set(true);
        threads = Executors.newFixedThreadPool(submitters);
        for (int i = 0; i < submitters; i++) {
            threads.submit(this::submitUntilStopped);
        }
        return this;
    }

    /** Waits until {@code more} appeals beyond those accepted so far got a 201. */
    void awaitMoreAccepted(int more, Duration timeout) {
        int wanted = accepted.size() + more;
        Instant deadline = Instant.now().plus(timeout);
        while (accepted.size() < wanted && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(100));
        }
        assertTrue(accepted.size() >= wanted, "only " + accepted.size() + " appeals accepted in all, wanted " + wanted
                + " within " + timeout + "; other answers by status: " + refusedByStatus());
    }

    /**
     * Watches the load for {@code window} and returns the longest stretch in it without a new 201 (sampled every
     * 50 ms): "intake kept accepting" means this stays short for the whole of a fault, not only at its start.
     */
    Duration longestPauseInAcceptance(Duration window) {
        Instant end = Instant.now().plus(window);
        Instant lastAccepted = Instant.now();
        int seen = accepted.size();
        Duration longest = Duration.ZERO;
        while (Instant.now().isBefore(end)) {
            pause(Duration.ofMillis(50));
            Instant now = Instant.now();
            if (accepted.size() > seen) {
                seen = accepted.size();
                lastAccepted = now;
            }
            Duration pause = Duration.between(lastAccepted, now);
            longest = pause.compareTo(longest) > 0 ? pause : longest;
        }
        return longest;
    }

    /** Stops the submitters, waiting for their requests in flight, and returns every appeal that got a 201. */
    Set<UUID> stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        assertTrue(threads.awaitTermination(REQUEST_TIMEOUT.plusSeconds(20).toSeconds(), TimeUnit.SECONDS),
                "the submitters did not stop");
        return Set.copyOf(accepted);
    }

    int acceptedCount() {
        return accepted.size();
    }

    int refusedCount() {
        return refusedByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Non-201 answers by HTTP status, {@code -1} for no answer. */
    Map<Integer, Integer> refusedByStatus() {
        return new TreeMap<>(refusedByStatus);
    }

    @Override
    public void close() {
        running.set(false);
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private void submitUntilStopped() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            Answer answer = submit(http, intakeUrl, kato);
            if (answer.appealId().isPresent()) {
                accepted.add(answer.appealId().get());
                pause(pauseAfterAccepted);
            } else {
                refusedByStatus.merge(answer.status(), 1, Integer::sum);
                pause(Duration.ofMillis(50));
            }
        }
    }

    /** @param status the HTTP status, -1 when there was no answer */
    private record Answer(int status, Optional<UUID> appealId) {
    }

    private static Answer submit(HttpClient http, String intakeUrl, String kato) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/appeals"))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", TOKEN)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(SampleCitizens.appealJson(kato, SampleCitizens.randomIin())))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = APPEAL_ID.matcher(response.body());
            return new Answer(response.statusCode(), response.statusCode() == 201 && id.find()
                    ? Optional.of(UUID.fromString(id.group(1))) : Optional.empty());
        } catch (IOException e) {
            return new Answer(-1, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, Optional.empty());
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
