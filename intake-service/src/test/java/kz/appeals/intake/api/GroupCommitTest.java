package kz.appeals.intake.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.intake.service.GroupCommit;
import kz.appeals.intake.support.IntakeFixtures;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.TestInfrastructure;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Group commit against the real PostgreSQL: the writer is held on a table lock while submissions queue behind it, so
 * the test knows which ones share a group. Which transaction stored a row is its {@code xmin}.
 */
@QuarkusTest
class GroupCommitTest {

    private static final String FRONTEND = Tokens.bearer(Tokens.forRole(Roles.FRONTEND));
    private static final String POISON = "A description the test trigger refuses to store";
    /** The description of {@link SampleCitizens#appealJson(String, String)}. */
    private static final String SAMPLE_DESCRIPTION = "Ауылдағы жолда үлкен шұңқыр бар, жөндеуді сұраймын.";

    @Inject
    IntakeFixtures fixtures;

    @Inject
    GroupCommit groupCommit;

    private final ExecutorService clients = Executors.newFixedThreadPool(100);
    private Connection superuser;

    @BeforeEach
    void connect() throws SQLException {
        fixtures.sampleSettlementKnown();
        superuser = DriverManager.getConnection(TestInfrastructure.JDBC_URL, "postgres", "postgres");
    }

    @AfterEach
    void disconnect() throws SQLException {
        clients.shutdownNow();
        superuser.close();
    }

    @Test
    void concurrentSubmissionsAreCommittedTogetherWithIncreasingReceiptNumbers() throws Exception {
        List<Future<Response>> grouped = new ArrayList<>();
        Response first;
        List<Response> answers;
        Map<String, Long> statements;
        countInsertStatements(true);
        try {
            first = whileTheWriterIsHeld(() -> {
                for (int i = 0; i < 40; i++) {
                    grouped.add(submitAsync(appeal(), UUID.randomUUID().toString()));
                }
                awaitWaiting(40);
            });
            answers = answers(grouped);
            statements = insertStatements();
        } finally {
            countInsertStatements(false);
        }
        assertEquals(Map.of("appeal", 3L, "idempotency_key", 3L), statements,
                "one insert per table per group: the held submission's and two groups'");
        answers.forEach(answer -> answer.then().statusCode(201));
        List<String> ids = answers.stream().map(answer -> answer.jsonPath().getString("appealId")).toList();
        assertEquals(2L, fixtures.count("select count(distinct xmin::text) from appeal where id in (" + quoted(ids) + ")"),
                "40 submissions queued together: groups of at most 32 (the test's max batch size), one commit each");
        assertEquals(0L, fixtures.count("select count(*) from appeal a join idempotency_key k on k.appeal_id = a.id"
                + " where a.id in (" + quoted(ids) + ") and a.xmin::text <> k.xmin::text"), "key and appeal committed together");
        assertEquals(40L, fixtures.count("select count(*) from outbox_event where aggregateid in (" + quoted(ids) + ")"));

        List<Long> sequences = answers.stream().map(GroupCommitTest::sequence).toList();
        assertEquals(40, sequences.stream().distinct().count(), "receipt numbers are unique");
        assertTrue(sequences.stream().allMatch(sequence -> sequence > sequence(first)), "later groups, higher numbers");
        long highest = sequences.stream().mapToLong(Long::longValue).max().orElseThrow();
        long next = sequence(submit(appeal(), UUID.randomUUID().toString()).then().statusCode(201).extract().response());
        assertTrue(next > highest, next + " after " + highest);
    }

    @Test
    void sameKeyInOneGroupCreatesOneAppealAndTheOthersReplayIt() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = appeal();
        List<Future<Response>> sameBody = new ArrayList<>();
        List<Future<Response>> otherBody = new ArrayList<>();
        whileTheWriterIsHeld(() -> {
            for (int i = 0; i < 5; i++) {
                sameBody.add(submitAsync(body, key));
            }
            awaitWaiting(5);
            otherBody.add(submitAsync(appeal(), key));
            awaitWaiting(6);
        });
        List<Response> answers = answers(sameBody);
        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));
        assertEquals(Map.of(201, 1L, 200, 4L), statuses, "the first creates, the others replay it");
        assertEquals(1, answers.stream().map(answer -> answer.jsonPath().getString("receiptNumber")).distinct().count());
        answers(otherBody).get(0).then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/idempotency-key-reused"));
        assertEquals(1L, fixtures.count("select count(*) from idempotency_key where idempotency_key = '" + key + "'"));
        String appealId = answers.get(0).jsonPath().getString("appealId");
        assertEquals(1L, fixtures.count("select count(*) from appeal where id = '" + appealId + "'"));
        submit(body, key).then().statusCode(200).body("appealId", org.hamcrest.Matchers.equalTo(appealId));
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnSubmission() throws Exception {
        try (Statement ddl = superuser.createStatement()) {
            ddl.execute("""
                    create or replace function intake.refuse_test_poison() returns trigger language plpgsql as $$
                    begin
                        if new.description = '%s' then raise exception 'poisoned row'; end if;
                        return new;
                    end $$""".formatted(POISON));
            ddl.execute("create trigger refuse_test_poison before insert on intake.appeal for each row"
                    + " execute function intake.refuse_test_poison()");
        }
        try {
            List<Future<Response>> good = new ArrayList<>();
            List<Future<Response>> poisoned = new ArrayList<>();
            whileTheWriterIsHeld(() -> {
                for (int i = 0; i < 4; i++) {
                    good.add(submitAsync(appeal(), UUID.randomUUID().toString()));
                }
                awaitWaiting(4);
                poisoned.add(submitAsync(appeal().replace(SAMPLE_DESCRIPTION, POISON),
                        UUID.randomUUID().toString()));
                awaitWaiting(5);
                for (int i = 0; i < 5; i++) {
                    good.add(submitAsync(appeal(), UUID.randomUUID().toString()));
                }
                awaitWaiting(10);
            });
            List<Response> answers = answers(good);
            answers.forEach(answer -> answer.then().statusCode(201));
            answers(poisoned).get(0).then().statusCode(500).contentType("application/problem+json");
            assertEquals(0L, fixtures.count("select count(*) from appeal where description = '" + POISON + "'"));
            List<String> ids = answers.stream().map(answer -> answer.jsonPath().getString("appealId")).toList();
            long transactions = fixtures.count("select count(distinct xmin::text) from appeal where id in ("
                    + quoted(ids) + ")");
            assertTrue(transactions < 9, "the group was split around the failing row, not stored one by one: "
                    + transactions + " transactions for 9");
        } finally {
            try (Statement ddl = superuser.createStatement()) {
                ddl.execute("drop trigger refuse_test_poison on intake.appeal");
                ddl.execute("drop function intake.refuse_test_poison()");
            }
        }
    }

    @Test
    void aFullQueueIsAnsweredAtOnceWith503ServiceBusyAndRetryAfter() throws Exception {
        long appeals = fixtures.count("select count(*) from appeal");
        List<Future<Response>> all = new ArrayList<>();
        List<Response> refused = new ArrayList<>();
        whileTheWriterIsHeld(() -> {
            for (int i = 0; i < 84; i++) {
                all.add(submitAsync(appeal(), UUID.randomUUID().toString()));
            }
            awaitWaiting(64); // the test's queue capacity
            eventually(() -> assertEquals(20, all.stream().filter(Future::isDone).count(), "refused at once"));
            for (Future<Response> answer : all) {
                if (answer.isDone()) {
                    refused.add(answer.get());
                }
            }
        });
        refused.forEach(answer -> answer.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "1").header("Content-Language", "ru")
                .body("type", org.hamcrest.Matchers.equalTo("https://appeals.kz/problems/service-busy"))
                .body("title", org.hamcrest.Matchers.equalTo("Сервис перегружен, повторите чуть позже")));
        long created = answers(all).stream().filter(answer -> answer.statusCode() == 201).count();
        assertEquals(64, created, "every queued submission is stored once the writer is free");
        assertEquals(appeals + 1 + 64, fixtures.count("select count(*) from appeal"), "the held one and the queued ones");
    }

    /** Statement-level triggers that count the insert statements into appeal and idempotency_key (on: from zero). */
    private void countInsertStatements(boolean on) throws SQLException {
        try (Statement ddl = superuser.createStatement()) {
            if (!on) {
                ddl.execute("drop trigger count_statements on intake.appeal");
                ddl.execute("drop trigger count_statements on intake.idempotency_key");
                ddl.execute("drop function public.group_commit_test_count()");
                ddl.execute("drop table public.group_commit_test_statements");
                return;
            }
            ddl.execute("create table public.group_commit_test_statements (table_name text not null)");
            ddl.execute("""
                    create function public.group_commit_test_count() returns trigger language plpgsql
                    security definer as $$
                    begin
                        insert into public.group_commit_test_statements values (tg_table_name);
                        return null;
                    end $$""");
            for (String table : List.of("appeal", "idempotency_key")) {
                ddl.execute("create trigger count_statements after insert on intake." + table
                        + " for each statement execute function public.group_commit_test_count()");
            }
        }
    }

    private Map<String, Long> insertStatements() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        try (Statement select = superuser.createStatement();
             java.sql.ResultSet rows = select.executeQuery(
                     "select table_name, count(*) from public.group_commit_test_statements group by table_name")) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        }
        return counts;
    }

    private interface Queueing {
        void run() throws Exception;
    }

    /**
     * Holds the writer on a lock of the appeal table with one submission in flight, runs {@code queueing} while it
     * waits, then lets it go.
     *
     * @return the held submission's answer
     */
    private Response whileTheWriterIsHeld(Queueing queueing) throws Exception {
        superuser.setAutoCommit(false);
        Future<Response> held;
        try (Statement lock = superuser.createStatement()) {
            lock.execute("lock table intake.appeal in share mode");
            held = submitAsync(appeal(), UUID.randomUUID().toString());
            eventually(() -> assertEquals(1L, fixtures.count("select count(*) from pg_stat_activity"
                    + " where usename = 'intake' and wait_event_type = 'Lock'"), "the writer waits on the lock"));
            queueing.run();
        } finally {
            superuser.rollback();
            superuser.setAutoCommit(true);
        }
        return held.get().then().statusCode(201).extract().response();
    }

    private void awaitWaiting(int submissions) {
        eventually(() -> assertEquals(submissions, groupCommit.waiting(), "submissions queued"));
    }

    private Future<Response> submitAsync(String body, String key) {
        return clients.submit(() -> submit(body, key));
    }

    private static Response submit(String body, String key) {
        return given().header("Authorization", FRONTEND).header("Idempotency-Key", key).header("Accept-Language", "ru")
                .contentType(ContentType.JSON).body(body).post("/api/v1/appeals");
    }

    private static List<Response> answers(List<Future<Response>> futures) throws Exception {
        List<Response> answers = new ArrayList<>();
        for (Future<Response> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    private static String appeal() {
        return SampleCitizens.appealJson(IntakeFixtures.KATO, SampleCitizens.randomIin());
    }

    private static long sequence(Response receipt) {
        return Long.parseLong(receipt.jsonPath().getString("receiptNumber").split("-")[1]);
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }
}
