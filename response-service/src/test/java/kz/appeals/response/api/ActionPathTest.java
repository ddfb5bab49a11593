package kz.appeals.response.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.KafkaProbe;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static kz.appeals.response.support.OfficeApi.as;
import static kz.appeals.response.support.OfficeApi.asFrontend;
import static kz.appeals.response.support.OfficeApi.awaitAppeal;
import static kz.appeals.response.support.RoutingFixtures.applicantRef;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static kz.appeals.response.support.RoutingFixtures.send;
import static kz.appeals.response.support.RoutingFixtures.submitted;
import static kz.appeals.testing.Eventually.eventually;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The office's and the applicant's actions in plain JDBC: a lost race is still a 409, and Hibernate does nothing. */
@QuarkusTest
class ActionPathTest {

    private static KafkaProbe routing;
    private static KafkaProbe intake;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionFactory sessions;

    private String office;
    private UUID appealId;

    @BeforeAll
    static void openProbes() {
        routing = new KafkaProbe(Topics.ROUTING);
        intake = new KafkaProbe(Topics.INTAKE);
    }

    @AfterAll
    static void closeProbes() {
        routing.close();
        intake.close();
    }

    @BeforeEach
    void appealInInbox() {
        office = newOfficeKato();
        appealId = UUID.randomUUID();
        send(routing, routed(appealId, office));
        awaitAppeal(office, appealId);
    }

    /**
     * Another change of the appeal (another account's, or a routing event's) is in flight when the office acts: the
     * action reads the appeal as it was, waits for the other change's row lock, and must then refuse with 409 rather
     * than overwrite it (a locking read would instead wait first and apply the action to the changed appeal).
     */
    @Test
    void anActionThatLosesARaceIsAConcurrentUpdateAndChangesNothing() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement(
                    "update appeal set version = version + 1 where appeal_id = ?")) {
                change.setObject(1, appealId);
                assertEquals(1, change.executeUpdate());
            }
            CompletableFuture<Response> acknowledge = CompletableFuture.supplyAsync(
                    () -> as(office).post("/api/v1/appeals/{id}/acknowledge", appealId));
            eventually(() -> assertTrue(updateOfAppealWaitsForALock(), "the action waits for the other change"));
            assertFalse(acknowledge.isDone());
            other.commit();

            acknowledge.get(30, TimeUnit.SECONDS).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/concurrent-update"));
        }
        as(office).get("/api/v1/appeals/{id}", appealId).then().statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("history.action", contains("ROUTED"));
    }

    @Test
    void theOfficesAndTheApplicantsActionsLoadAndWriteNoEntity() {
        String applicant = applicantRef();
        send(intake, submitted(appealId, applicant));
        Statistics statistics = sessions.getStatistics();
        statistics.clear();

        as(office).post("/api/v1/appeals/{id}/acknowledge", appealId).then().statusCode(200);
        as(office).contentType("application/json")
                .body(Map.of("outcome", "REFUSED", "text", "Not this year", "language", "ru"))
                .post("/api/v1/appeals/{id}/answer", appealId).then().statusCode(200)
                .body("answer.outcome", equalTo("REFUSED"))
                .body("history.action", contains("ROUTED", "ACKNOWLEDGE", "ANSWER"));
        eventually(() -> asFrontend().body(Map.of("applicantRef", applicant, "satisfied", false))
                .post("/api/v1/citizen/appeals/{id}/rating", appealId).then().statusCode(200));
        asFrontend().body(Map.of("applicantRef", applicant, "reason", "Still broken"))
                .post("/api/v1/citizen/appeals/{id}/reopen", appealId).then().statusCode(200)
                .body("cycle", equalTo(2))
                .body("answers[0].ratingSatisfied", equalTo(false));

        assertEquals(0, statistics.getEntityLoadCount(), "entities loaded");
        assertEquals(0, statistics.getEntityFetchCount(), "entities fetched");
        assertEquals(0, statistics.getCollectionLoadCount(), "collections loaded");
        assertEquals(0, statistics.getEntityInsertCount(), "entities inserted");
        assertEquals(0, statistics.getEntityUpdateCount(), "entities updated");
        assertEquals(0, statistics.getQueryExecutionCount(), "queries");
        // the platform's audit trail writes its row per action on the transaction's connection too
        assertEquals(0, statistics.getPrepareStatementCount(), "statements through Hibernate");
    }

    private boolean updateOfAppealWaitsForALock() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement waiting = connection.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where wait_event_type = 'Lock' and query like 'update appeal set%'""");
             ResultSet result = waiting.executeQuery()) {
            result.next();
            return result.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
