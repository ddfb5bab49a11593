package kz.appeals.escalation.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.escalation.domain.Deadline;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static kz.appeals.testing.Eventually.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two channels' batches about the same appeals, whose records come in opposite orders, meet in the middle: a third
 * transaction holds the appeal that sorts between the other two until both batches wait for it. Taking the rows
 * (and starting the missing ones) in one order makes the second batch wait for the first instead of each waiting
 * for the other; in the batches' own orders PostgreSQL would find a deadlock and fail one of them.
 */
@QuarkusTest
class BatchLockOrderTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void batchesThatStartTheSameNewAppealsInOppositeOrdersDoNotDeadlock() throws Exception {
        meetInTheMiddle(false);
    }

    @Test
    void batchesThatLockTheSameAppealsInOppositeOrdersDoNotDeadlock() throws Exception {
        meetInTheMiddle(true);
    }

    private void meetInTheMiddle(boolean existing) throws Exception {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).stream()
                .sorted(BatchLockOrderTest::inPostgresOrder).toList();
        UUID low = ids.get(0);
        UUID middle = ids.get(1);
        UUID high = ids.get(2);
        if (existing) {
            QuarkusTransaction.requiringNew().run(() -> startAndLock(low, middle, high));
        }
        CountDownLatch middleHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            startAndLock(middle);
            middleHeld.countDown();
            await(release);
        }));
        assertTrue(middleHeld.await(30, TimeUnit.SECONDS));
        int waitingBefore = waitingForLocks();
        CompletableFuture<List<Deadline>> forwards = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> startAndLock(low, middle, high)));
        CompletableFuture<List<Deadline>> backwards = CompletableFuture.supplyAsync(
                () -> QuarkusTransaction.requiringNew().call(() -> startAndLock(high, middle, low)));
        // both batches are inside their statement, each holding what it took before the middle appeal
        eventually(() -> assertTrue(waitingForLocks() >= waitingBefore + 2, "both batches wait"));
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);
        assertEquals(ids, forwards.get(30, TimeUnit.SECONDS).stream().map(Deadline::appealId).toList());
        assertEquals(ids, backwards.get(30, TimeUnit.SECONDS).stream().map(Deadline::appealId).toList());
    }

    private List<Deadline> startAndLock(UUID... appealIds) {
        Instant now = Instant.now();
        try (Connection connection = dataSource.getConnection()) {
            return DeadlineTable.startAndLock(connection,
                    List.of(appealIds).stream().map(id -> Deadline.start(id, now)).toList());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int waitingForLocks() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock'""");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL compares uuids as unsigned bytes, Java's UUID as two signed longs. */
    private static int inPostgresOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
