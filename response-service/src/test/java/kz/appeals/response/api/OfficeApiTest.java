package kz.appeals.response.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.appeals.contracts.AppealEvents.Acknowledged;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.RedirectRequested;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.asAccount;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.DAY;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The office API end to end: appeals arrive through the real broker, actions leave through the outbox. */
@QuarkusTest
class OfficeApiTest {

    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String PROBLEM = "application/problem+json";

    private static KafkaProbe routing;
    private static KafkaProbe responses;

    private String office;
    private UUID appealId;

    @BeforeAll
    static void openProbes() {
        routing = new KafkaProbe(Topics.ROUTING);
        responses = new KafkaProbe(Topics.RESPONSE);
    }

    @AfterAll
    static void closeProbes() {
        routing.close();
        responses.close();
    }

    @BeforeEach
    void appealInInbox() {
        office = newOfficeKato();
        appealId = UUID.randomUUID();
        send(routing, routed(appealId, office));
        awaitAppeal(office, appealId);
    }

    @Test
    void acknowledgeThenAnswerPublishesBothEventsAndAuditsEachStep() throws Exception {
        as(office).post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(200)
                .body("status", equalTo("IN_WORK"))
                .body("allowedActions", contains("ANSWER", "REDIRECT"));
        ConsumerRecord<String, String> ackRecord = responses.await(
                KafkaProbe.ofType(EventType.ACKNOWLEDGED, appealId.toString()), EVENT_TIMEOUT);
        Acknowledged acknowledged = ContractJson.mapper().readValue(ackRecord.value(), Acknowledged.class);
        assertEquals("rural-akim:" + office, acknowledged.bodyCode());
        assertEquals("akim-office-" + office, acknowledged.actorRef());

        as(office).contentType("application/json")
                .body(Map.of("outcome", "PARTIALLY_SATISFIED", "text", "Patched; full repair in May", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("allowedActions", empty())
                .body("answer.outcome", equalTo("PARTIALLY_SATISFIED"))
                .body("answer.language", equalTo("ru"))
                .body("answer.answeredBy", equalTo("akim-office-" + office));
        ConsumerRecord<String, String> answerRecord = responses.await(
                KafkaProbe.ofType(EventType.ANSWERED, appealId.toString()), EVENT_TIMEOUT);
        assertEquals(appealId.toString(), answerRecord.key());
        assertEquals("/kz/appeals/response", KafkaProbe.header(answerRecord, "ce_source"));
        Answered answered = ContractJson.mapper().readValue(answerRecord.value(), Answered.class);
        assertEquals(Outcome.PARTIALLY_SATISFIED, answered.outcome());
        assertEquals(Language.ru, answered.language());
        assertEquals("Patched; full repair in May", answered.text());
        assertEquals(1, answered.cycle());
        assertEquals("rural-akim:" + office, answered.bodyCode());

        as(office).get("/api/v1/appeals/{id}/audit", appealId).then().statusCode(200)
                .body("action", contains("ROUTED", "ACKNOWLEDGE", "ANSWER"))
                .body("toStatus", contains("ROUTED", "IN_WORK", "ANSWERED"))
                .body("actor[1]", equalTo("akim-office-" + office));
        // the office's own actions (not the routing that brought it) are in the service's audit trail for auditors
        given().header("Authorization", Tokens.bearer(Tokens.forRole(Roles.AUDITOR)))
                .queryParam("subject", "appeal:" + appealId).get("/api/v1/audit/changes").then().statusCode(200)
                .body("action", contains("ANSWER", "ACKNOWLEDGE"))
                .body("actor", everyItem(equalTo("akim-office-" + office)))
                .body("[0].detail", containsString("IN_WORK -> ANSWERED"));
    }

    @Test
    void anAppealMayBeAnsweredWithoutAcknowledgementInKazakhAndTheTopicGetsThePublicCopy() throws Exception {
        String text = "Жол көктемде жөнделеді. Сұрақтар: 8 (701) 555-12-34, akim.office@example.kz";
        as(office).contentType("application/json")
                .body(Map.of("outcome", "EXPLAINED", "text", text, "language", "kk"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer.text", equalTo(text));
        Answered answered = ContractJson.mapper().readValue(responses.await(
                KafkaProbe.ofType(EventType.ANSWERED, appealId.toString()), EVENT_TIMEOUT).value(), Answered.class);
        assertEquals("Жол көктемде жөнделеді. Сұрақтар: ***, ***", answered.text());
    }

    @Test
    void sloppyJsonIsRefusedAndChangesNothing() {
        as(office).contentType("application/json")
                .body("{\"outcome\":1,\"text\":\"Жөнделді\",\"language\":\"kk\"}")
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("outcome"));
        as(office).contentType("application/json")
                .body("{\"outcome\":\"SATISFIED\",\"text\":\"Жөнделді\",\"language\":\"kk\"}]")
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(400).contentType(PROBLEM);
        as(office).contentType("application/json")
                .body("{\"outcome\":\"SATISFIED\",\"text\":\"Жөнделді\",\"text\":\"x\",\"language\":\"kk\"}")
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(400).contentType(PROBLEM);
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200).body("status", equalTo("ROUTED"));
    }

    @Test
    void redirectNeedsAReasonAndPublishesTheRequest() throws Exception {
        as(office).contentType("application/json").body(Map.of("reason", " "))
                .post("/api/v1/appeals/{id}/redirect", appealId).then().statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", hasItem("reason"));

        as(office).contentType("application/json").body(Map.of("reason", "Water supply belongs to the utility"))
                .post("/api/v1/appeals/{id}/redirect", appealId).then().statusCode(200)
                .body("status", equalTo("REDIRECT_REQUESTED"))
                .body("history[1].reason", equalTo("Water supply belongs to the utility"));

        ConsumerRecord<String, String> record = responses.await(
                KafkaProbe.ofType(EventType.REDIRECT_REQUESTED, appealId.toString()), EVENT_TIMEOUT);
        RedirectRequested requested = ContractJson.mapper().readValue(record.value(), RedirectRequested.class);
        assertEquals("Water supply belongs to the utility", requested.reason());
        assertEquals("rural-akim:" + office, requested.bodyCode());
    }

    @Test
    void anIllegalActionIsAConflictNamingTheStatusAndTheAllowedActions() {
        as(office).post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(200);
        as(office).header("Accept-Language", "ru").post("/api/v1/appeals/{id}/acknowledge", appealId).then()
                .statusCode(409)
                .contentType(PROBLEM)
                .header("Content-Language", "ru")
                .body("title", equalTo("Действие недоступно в текущем состоянии обращения"))
                .body("type", equalTo("https://appeals.kz/problems/illegal-transition"))
                .body("status", equalTo(409))
                .body("currentStatus", equalTo("IN_WORK"))
                .body("attemptedAction", equalTo("ACKNOWLEDGE"))
                .body("allowedActions", contains("EXTEND", "ANSWER", "REDIRECT", "TAKE_OVER"));

        as(office).contentType("application/json").body(Map.of("reason", "Not ours"))
                .post("/api/v1/appeals/{id}/redirect", appealId).then().statusCode(200);
        as(office).contentType("application/json")
                .body(Map.of("outcome", "REFUSED", "text", "No", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(409)
                .body("currentStatus", equalTo("REDIRECT_REQUESTED"))
                .body("allowedActions", empty());
    }

    // Repeated because a single race may not overlap; every repetition must still end with exactly one answer.
    @RepeatedTest(3)
    void ofTwoConcurrentAnswersExactlyOneWins() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (String clerk : List.of("clerk-1", "clerk-2")) {
                Callable<Response> answer = () -> {
                    var request = asAccount(office, clerk).contentType("application/json")
                            .body(Map.of("outcome", "SATISFIED", "text", "Answer of " + clerk, "language", "ru"));
                    start.await();
                    return request.post("/api/v1/appeals/{id}/answer", appealId);
                };
                calls.add(pool.submit(answer));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertEquals(PROBLEM, response.contentType());
                    // Either the loser read before the winner committed (stale version) or after (already
                    // answered): both are conflicts.
                    assertThat(response.jsonPath().getString("type"), anyOf(
                            endsWith("/concurrent-update"), endsWith("/illegal-transition")));
                }
            }
            statuses.sort(Integer::compare);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }

        // Collected rather than awaited: KafkaProbe.await drops the rest of the poll that held its match, which
        // could hide a second answer.
        List<ConsumerRecord<String, String>> answers = new ArrayList<>();
        eventually(() -> {
            responses.collect(Duration.ofMillis(500)).stream()
                    .filter(KafkaProbe.ofType(EventType.ANSWERED, appealId.toString())).forEach(answers::add);
            assertEquals(1, answers.size());
        });
        answers.addAll(responses.collect(Duration.ofSeconds(2)).stream()
                .filter(KafkaProbe.ofType(EventType.ANSWERED, appealId.toString())).toList());
        assertEquals(1, answers.size());
        ContractValidator.assertValid(EventType.ANSWERED, answers.get(0).value());
        as(office).get("/api/v1/appeals/{id}/audit", appealId).then().statusCode(200)
                .body("action", contains("ROUTED", "ANSWER"));
    }

    @Test
    void anInvalidAnswerIsABadRequestAndChangesNothing() {
        List<Object> invalid = List.of(
                Map.of("text", "Missing outcome", "language", "ru"),
                Map.of("outcome", "SATISFIED", "text", "", "language", "ru"),
                Map.of("outcome", "SATISFIED", "text", "x".repeat(10_001), "language", "ru"),
                Map.of("outcome", "SATISFIED", "text", "Wrong language code", "language", "de"),
                Map.of("outcome", "MAYBE", "text", "Unknown outcome", "language", "ru"),
                "{\"outcome\": ");
        for (Object body : invalid) {
            as(office).contentType("application/json").body(body)
                    .post("/api/v1/appeals/{id}/answer", appealId).then().log().ifValidationFails().statusCode(400)
                    .contentType(PROBLEM)
                    .body("status", equalTo(400))
                    .body("type", startsWith("https://appeals.kz/problems/"));
        }
        as(office).contentType("application/json").body(Map.of("text", "Missing outcome", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then()
                .body("errors.field", hasItem("outcome"))
                .body("errors.code", hasItem("required"));

        // Kazakh or the appeal's language (ru) only: English is a valid code but not an allowed answer here.
        as(office).contentType("application/json").header("Accept-Language", "kk")
                .body(Map.of("outcome", "SATISFIED", "text", "Done", "language", "en"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(422)
                .contentType(PROBLEM)
                .header("Content-Language", "kk")
                .body("title", equalTo("Сұрау дұрыс толтырылмаған"))
                .body("errors.field", contains("language"))
                .body("errors[0].message", equalTo("Мұнда рұқсат етілмейді"));

        long published = responses.collect(Duration.ofSeconds(2)).stream()
                .filter(record -> appealId.toString().equals(record.key())).count();
        assertEquals(0, published);
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("history", hasSize(1));
    }

    @Test
    void callersOutsideTheOfficeAreRefused() {
        given().get("/api/v1/inbox").then().statusCode(401);
        given().post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(401);
        given().auth().oauth2(Tokens.forRole(Roles.ANALYST)).get("/api/v1/inbox").then().statusCode(403);
        given().auth().oauth2(Tokens.forOffice(Roles.ANALYST, office))
                .get("/api/v1/appeals/{id}", appealId).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole(Roles.FRONTEND))
                .post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole(Roles.AKIM_OFFICE))
                .get("/api/v1/inbox").then().statusCode(403).contentType(PROBLEM);

        String foreign = newOfficeKato();
        as(foreign).get("/api/v1/appeals/{id}", appealId).then().statusCode(404).contentType(PROBLEM);
        as(foreign).get("/api/v1/appeals/{id}/audit", appealId).then().statusCode(404);
        as(foreign).post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(404);
        as(foreign).contentType("application/json")
                .body(Map.of("outcome", "SATISFIED", "text", "Not my appeal", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(404);
        as(foreign).contentType("application/json").body(Map.of("reason", "Not ours"))
                .post("/api/v1/appeals/{id}/redirect", appealId).then().statusCode(404);
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"));
    }

    @Test
    void theInboxIsSortedByDeadlinePagedAndFilteredByStatus() {
        // The appeal of @BeforeEach is registered on DAY; these come a day earlier and later, so their terms end
        // earlier and later.
        UUID earlier = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        send(routing, routed(later, office, DAY.plusDays(1), "KZ-A-2", now()));
        send(routing, routed(earlier, office, DAY.minusDays(1), "KZ-Z-9", now()));
        awaitAppeal(office, later);
        awaitAppeal(office, earlier);

        as(office).get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(earlier.toString(), appealId.toString(), later.toString()))
                .body("totalItems", equalTo(3));
        as(office).queryParam("size", 2).queryParam("page", 1).get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(later.toString()))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("totalPages", equalTo(2));

        as(office).post("/api/v1/appeals/{id}/acknowledge", later).then().statusCode(200);
        as(office).queryParam("status", "IN_WORK").get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(later.toString()));
        as(office).queryParam("status", "ROUTED").get("/api/v1/inbox").then().statusCode(200)
                .body("items.appealId", contains(earlier.toString(), appealId.toString()));

        as(office).queryParam("status", "LOST").get("/api/v1/inbox").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"));
        as(office).queryParam("size", 101).get("/api/v1/inbox").then().statusCode(400)
                .body("errors.field", contains("size"));
        as(office).queryParam("page", "first").get("/api/v1/inbox").then().statusCode(400)
                .body("errors.field", contains("page"));
    }
}
