package kz.appeals.escalation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two sweepers at once over the same lapsed deadlines (plus the two scheduled workers of this instance), as replicas
 * of the service would: they share the work, and each deadline is escalated, and its events recorded, exactly once.
 */
@QuarkusTest
class ConcurrentSweepersTest {

    private static final int DEADLINES = 400;

    @Inject
    DeadlineSweep sweep;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoSweepersShareTheWorkAndNoDeadlineIsEscalatedTwice() throws Exception {
        String bodyCode = "rural-akim:" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
        List<UUID> ids = insertLapsedDeadlines(bodyCode);

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        List<Integer> handled = new ArrayList<>();
        try {
            Callable<Integer> replica = () -> {
                int total = 0;
                for (int n = sweep.sweepNextBatch(25); n > 0; n = sweep.sweepNextBatch(25)) {
                    total += n;
                }
                return total;
            };
            List<Future<Integer>> results = List.of(replicas.submit(replica), replicas.submit(replica));
            for (Future<Integer> result : results) {
                handled.add(result.get());
            }
        } finally {
            replicas.shutdown();
        }
        // The sweepers' counts include other tests' deadlines that fall due today (left by other tests or delivered to this instance meanwhile),
        // so they only show that both replicas worked; exactly once is checked per deadline of this test below.
        assertTrue(handled.stream().mapToInt(Integer::intValue).sum() > 0, "nothing swept: " + handled);
        // A worker stops when the rest are locked by another (here: the scheduled sweeper): wait for those.
        eventually(() -> assertEquals(0, stillDue(bodyCode), "deadlines still due"));
        assertEquals(0, escalatedMoreThanOnce(bodyCode), "deadlines escalated more than one step");

        Map<String, Integer> eventsPerAppealAndType = outboxCounts(bodyCode);
        for (UUID id : ids) {
            assertEquals(1, eventsPerAppealAndType.getOrDefault(id + " kz.appeals.appeal.deemed-refused.v1", 0),
                    id.toString());
            assertEquals(1, eventsPerAppealAndType.getOrDefault(id + " kz.appeals.appeal.escalated.v1", 0),
                    id.toString());
        }
        assertEquals(2 * DEADLINES, eventsPerAppealAndType.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** Rural-district deadlines that lapsed in January 2025, told apart from other tests' by their body code. */
    private List<UUID> insertLapsedDeadlines(String bodyCode) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into deadline (appeal_id, registration_day, body_code, body_level, body_kato, body_name_kk,
                         body_name_ru, district_kato, region_kato, cycle, answered_cycle, term_start, due_date, status,
                         warnings_sent, wake_on, created_at, updated_at)
                     values (?, date '2025-01-06', ?, 'RURAL_DISTRICT', '991021000', 'Ауыл әкімі', 'Аким округа',
                         '991000000', '990000000', 1, 0, date '2025-01-06', date '2025-01-28', 'RUNNING', '',
                         date '2025-01-29', now(), now())""")) {
            for (int i = 0; i < DEADLINES; i++) {
                UUID id = UUID.randomUUID();
                insert.setObject(1, id);
                insert.setString(2, bodyCode);
                insert.addBatch();
                ids.add(id);
            }
            insert.executeBatch();
        }
        return ids;
    }

    private int stillDue(String bodyCode) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from deadline where body_code = ? and escalation_step = 0")) {
            select.setString(1, bodyCode);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int escalatedMoreThanOnce(String bodyCode) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from deadline where body_code = ? and escalation_step <> 1")) {
            select.setString(1, bodyCode);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private Map<String, Integer> outboxCounts(String bodyCode) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select o.aggregateid, o.type, count(*) from outbox_event o
                     join deadline d on d.appeal_id::text = o.aggregateid
                     where d.body_code = ? group by o.aggregateid, o.type""")) {
            select.setString(1, bodyCode);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
                }
            }
        }
        return counts;
    }
}
