package kz.appeals.escalation.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.DeadlineWarning;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.ClockRules;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.testing.StatementLog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static kz.appeals.escalation.support.LifecycleEvents.DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.HIGHER_BODIES;
import static kz.appeals.escalation.support.LifecycleEvents.REGION;
import static kz.appeals.escalation.support.LifecycleEvents.RURAL_DISTRICT;
import static kz.appeals.escalation.support.LifecycleEvents.ruralAkim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep batch ({@link DeadlineSweep#sweepNextBatch}) over many due deadlines — warnings at each threshold, first
 * and later lapses, escalations up the ladder — leaves each row, and records each event, exactly as
 * {@link Deadline#sweep} applied to the stored deadline alone does, against the real database; and it writes the
 * whole batch with one update of {@code deadline} (counted by a statement-level trigger this test installs and
 * removes).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedSweepTest {

    /** The registration days of the deadlines: every day of the last 150, so every stage of the ladder is due. */
    private static final int DAYS_BACK = 150;

    @Inject
    DeadlineSweep sweep;

    @Inject
    DeadlineRepository deadlines;

    @Inject
    ClockRules rules;

    @Inject
    AgroalDataSource dataSource;

    private StatementLog statements;

    @Inject
    Scheduler scheduler;

    private final LocalDate today = LocalDate.now(AppkTerms.NATIONAL_OFFSET);
    private final ObjectMapper json = ContractJson.mapper();

    @BeforeAll
    void logStatements() throws SQLException {
        statements = StatementLog.install(dataSource, "set_based_sweep_log", "deadline");
    }

    @AfterAll
    void stopLogging() throws SQLException {
        statements.close();
    }

    @Test
    void aBatchLeavesTheRowsAndEventsEachDeadlineSweptAloneLeavesInOneUpdate() throws Exception {
        // this instance's own sweeper would take some of the rows in batches of its own
        scheduler.pause("deadline-sweeper");
        try {
            // one second (the test profile's interval) lets a sweep that was running finish
            Thread.sleep(1500);
            Map<UUID, Deadline.State> stored = store(dueDeadlines());

            int handled = sweep.sweepNextBatch(stored.size() + 1000);

            assertTrue(handled >= stored.size(), "handled " + handled + " of " + stored.size());
            Set<String> transactions = new HashSet<>();
            for (UUID appeal : stored.keySet()) {
                transactions.add(transactionOf(appeal));
            }
            assertEquals(1, transactions.size(), "every deadline of the batch written by one transaction");
            assertEquals(Map.of("deadline UPDATE", 1L), statements.statementsOf(transactions.iterator().next()));

            Map<UUID, List<JsonNode>> recorded = outboxEvents(stored.keySet());
            // The outbox and the row each keep the batch's instant as precisely as they store it (microseconds,
            // truncated and rounded): the deadlines swept alone are given the same instants.
            Instant eventsAt = Instant.parse(recorded.values().iterator().next().get(0).get("data")
                    .get("occurredAt").asText());
            Set<Class<?>> kinds = new HashSet<>();
            for (Map.Entry<UUID, Deadline.State> due : stored.entrySet()) {
                UUID appeal = due.getKey();
                Deadline.State actual = QuarkusTransaction.requiringNew()
                        .call(() -> deadlines.findById(appeal).state());
                Deadline alone = Deadline.restore(due.getValue());
                alone.sweep(today, actual.updatedAt(), rules);
                assertEquals(alone.state(), actual, appeal.toString());

                List<AppealEvent> events = Deadline.restore(due.getValue()).sweep(today, eventsAt, rules);
                List<JsonNode> expected = new ArrayList<>();
                for (AppealEvent event : events) {
                    expected.add(json.createObjectNode().put("type", EventType.of(event.getClass()).wireName())
                            .set("data", json.valueToTree(event)));
                    kinds.add(event.getClass());
                }
                assertEquals(expected, recorded.getOrDefault(appeal, List.of()), appeal.toString());
            }
            assertEquals(Set.of(DeadlineWarning.class, DeemedRefused.class, Escalated.class), kinds,
                    "the batch mixes warnings and lapses");
        } finally {
            scheduler.resume("deadline-sweeper");
        }
    }

    /**
     * Rural akims' deadlines registered on each of the last {@value #DAYS_BACK} days that have something due today:
     * half as the sweeper left them through yesterday (warnings sent, lapsed and escalated on their days), half first
     * seen today (only the most advanced warning, or the lapse).
     */
    private List<Deadline> dueDeadlines() {
        Instant created = Instant.now().minus(DAYS_BACK + 1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        List<Deadline> due = new ArrayList<>();
        for (int back = 1; back <= DAYS_BACK; back++) {
            for (boolean sweptBefore : List.of(true, false)) {
                LocalDate registered = rules.policy().calendar().registrationDay(noonOf(today.minusDays(back)));
                Deadline deadline = Deadline.start(UUID.randomUUID(), created);
                deadline.assignedTo(AnsweringBody.of(ruralAkim(RURAL_DISTRICT)), DISTRICT, REGION, HIGHER_BODIES,
                        registered, created, rules, created);
                for (LocalDate day = registered; sweptBefore && day.isBefore(today); day = day.plusDays(1)) {
                    if (deadline.wakeOn() != null && !deadline.wakeOn().isAfter(day)) {
                        deadline.sweep(day, noonOf(day), rules);
                    }
                }
                if (deadline.wakeOn() != null && !deadline.wakeOn().isAfter(today)) {
                    due.add(deadline);
                }
            }
        }
        return due;
    }

    private static Instant noonOf(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(AppkTerms.NATIONAL_OFFSET);
    }

    /** @return each deadline as stored, by appeal */
    private Map<UUID, Deadline.State> store(List<Deadline> due) throws SQLException {
        Map<UUID, Deadline.State> stored = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Deadline deadline : DeadlineTable.startAndLock(connection, due)) {
                stored.put(deadline.appealId(), deadline.state());
            }
        }
        return stored;
    }

    /** Each appeal's events in the order recorded, as their type and data. */
    private Map<UUID, List<JsonNode>> outboxEvents(Set<UUID> appeals) throws Exception {
        Map<UUID, List<JsonNode>> events = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select aggregateid, type, payload::text from outbox_event
                     where aggregateid = any(?) order by seq""")) {
            select.setArray(1, connection.createArrayOf("varchar",
                    appeals.stream().map(UUID::toString).toArray(String[]::new)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.computeIfAbsent(UUID.fromString(rows.getString(1)), appeal -> new ArrayList<>())
                            .add(json.createObjectNode().put("type", rows.getString(2))
                                    .set("data", json.readTree(rows.getString(3))));
                }
            }
        }
        return events;
    }

    private String transactionOf(UUID appeal) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select xmin::text from deadline where appeal_id = ?")) {
            select.setObject(1, appeal);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next());
                return rows.getString(1);
            }
        }
    }

}
