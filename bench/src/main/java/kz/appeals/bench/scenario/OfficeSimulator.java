package kz.appeals.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.ContractJson;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A body's clerks and head, and the applicant, acting on one routed appeal through response-service's REST API as
 * their front ends would: acknowledge, extend (the head, by a reasoned decision, to a working day within the
 * two-month cap), answer in Kazakh, and the applicant's rating. The calls of one appeal run one after the other on
 * the calling thread. A 404 means response has not yet read the appeal's event (it reads the same topics the
 * generator does): the call is repeated until the deadline, and counted.
 */
final class OfficeSimulator {

    /** How one appeal's office work ended. */
    enum Outcome { ANSWERED, RATED, NO_OFFICE_ROLE, FAILED }

    /** A failed call: which, the HTTP status (0 without a response) and the start of the body. */
    record Failure(String stage, int status, String detail) {
    }

    private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    /** Tokens live an hour; a long replay mints new ones well before. */
    private static final long TOKEN_REUSE_NANOS = TimeUnit.MINUTES.toNanos(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI response;
    private final PrivateKey key;
    private final IntervalRecorder recorder;
    private final WorkingCalendar calendar = WorkingCalendar.bundled();
    private final Map<String, MintedToken> tokens = new ConcurrentHashMap<>();
    final LongAdder notYetThere = new LongAdder();
    /** 503 answers (service busy, database away) retried after their Retry-After, as the problem tells clients. */
    final LongAdder busyRetries = new LongAdder();
    final LongAdder extended = new LongAdder();

    private record MintedToken(String token, long mintedNanos) {
    }

    OfficeSimulator(URI response, PrivateKey key, IntervalRecorder recorder) {
        this.response = response;
        this.key = key;
        this.recorder = recorder;
    }

    /**
     * Acts on the appeal as planned; records each call's latency under its stage, and {@code answered} from the
     * appeal's scheduled submission.
     *
     * @param failure receives the failed call, if any
     */
    Outcome act(UUID appealId, Body body, AppealMix.Plan plan, String applicantRef, long dueNanos, long deadlineNanos,
                java.util.function.Consumer<Failure> failure) throws InterruptedException {
        Optional<String> role = role(body.level());
        if (role.isEmpty() || body.katoCode() == null) {
            return Outcome.NO_OFFICE_ROLE;
        }
        String clerk = token(role.get(), body.katoCode(), false);
        String base = response + "/api/v1/appeals/" + appealId;
        Call acknowledged = call("acknowledge", base + "/acknowledge", clerk, null, deadlineNanos);
        if (!acknowledged.ok()) {
            failure.accept(acknowledged.failure());
            return Outcome.FAILED;
        }
        if (plan.behaviour() == OfficeMix.Behaviour.EXTENDED) {
            Optional<LocalDate> newDue = extensionDay(acknowledged.body());
            if (newDue.isEmpty()) {
                failure.accept(new Failure("extend", 0, "no working day after the due date within the cap: "
                        + acknowledged.body()));
                return Outcome.FAILED;
            }
            Call extension = call("extend", base + "/extend", token(role.get(), body.katoCode(), true),
                    "{\"newDueDate\":\"" + newDue.get() + "\",\"reason\":\"Жер учаскесін тексеру қажет (field survey "
                            + "needed).\"}", deadlineNanos);
            if (!extension.ok()) {
                failure.accept(extension.failure());
                return Outcome.FAILED;
            }
            extended.increment();
        }
        String outcome = plan.satisfied() ? "SATISFIED" : "EXPLAINED";
        Call answer = call("answer", base + "/answer", clerk, "{\"outcome\":\"" + outcome
                + "\",\"language\":\"kk\",\"text\":\"Өтінішіңіз қаралды, жұмыс жоспарға енгізілді.\"}", deadlineNanos);
        if (!answer.ok()) {
            failure.accept(answer.failure());
            return Outcome.FAILED;
        }
        recorder.record("answered", TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - dueNanos));
        if (!plan.rated() || applicantRef == null) {
            return Outcome.ANSWERED;
        }
        Call rating = call("rate", response + "/api/v1/citizen/appeals/" + appealId + "/rating",
                token("frontend", null, false), "{\"applicantRef\":\"" + applicantRef + "\",\"satisfied\":"
                        + plan.satisfied() + "}", deadlineNanos);
        if (!rating.ok()) {
            failure.accept(rating.failure());
            return Outcome.FAILED;
        }
        return Outcome.RATED;
    }

    /** The token role of the body's inbox in response-service; none for bodies it has no inbox for. */
    static Optional<String> role(BodyLevel level) {
        return switch (level) {
            case RURAL_DISTRICT -> Optional.of("akim-office");
            case DISTRICT_AKIMAT -> Optional.of("district-akimat");
            case REGION_AKIMAT -> Optional.of("region-akimat");
            default -> Optional.empty();
        };
    }

    /** The last working day on or before the cap that is after the current due date (APPK Art. 76). */
    Optional<LocalDate> extensionDay(JsonNode detail) {
        LocalDate due = LocalDate.parse(detail.path("dueDate").asText());
        LocalDate day = LocalDate.parse(detail.path("extensionCap").asText());
        while (day.isAfter(due)) {
            if (calendar.isWorkingDay(day)) {
                return Optional.of(day);
            }
            day = day.minusDays(1);
        }
        return Optional.empty();
    }

    private record Call(boolean ok, JsonNode body, Failure failure) {
    }

    private Call call(String stage, String url, String token, String json, long deadlineNanos)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        request = json == null ? request.POST(HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        HttpRequest built = request.build();
        while (true) {
            long sent = System.nanoTime();
            HttpResponse<String> answer;
            try {
                answer = http.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                return new Call(false, null, new Failure(stage, 0, e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent);
            if (answer.statusCode() == 200) {
                recorder.record(stage, micros);
                try {
                    return new Call(true, ContractJson.mapper().readTree(answer.body()), null);
                } catch (IOException e) {
                    return new Call(false, null, new Failure(stage, 200, "unreadable body: " + sample(answer.body())));
                }
            }
            if (answer.statusCode() == 404 && System.nanoTime() < deadlineNanos) {
                // response-service has not read the appeal's routed (or submitted) event yet
                notYetThere.increment();
                TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
                continue;
            }
            if (answer.statusCode() == 503 && System.nanoTime() < deadlineNanos) {
                busyRetries.increment();
                TimeUnit.SECONDS.sleep(answer.headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            return new Call(false, null, new Failure(stage, answer.statusCode(), sample(answer.body())));
        }
    }

    private String token(String role, String kato, boolean head) {
        String cacheKey = role + "|" + kato + "|" + head;
        long now = System.nanoTime();
        MintedToken minted = tokens.get(cacheKey);
        if (minted == null || now - minted.mintedNanos() > TOKEN_REUSE_NANOS) {
            String subject = "bench-" + role + (kato == null ? "" : "-" + kato) + (head ? "-head" : "");
            minted = new MintedToken(Tokens.build(role, kato, subject,
                    head ? Map.of("office-head", true) : Map.of(), key), now);
            tokens.put(cacheKey, minted);
        }
        return minted.token();
    }

    private static String sample(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
