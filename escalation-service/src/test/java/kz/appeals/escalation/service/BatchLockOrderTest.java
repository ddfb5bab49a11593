package kz.appeals.escalation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two channels' batches about the same appeals, whose records come in opposite orders: taking the batch's locks
 * first, in one order, makes the second wait for the first instead of both waiting for each other.
 */
@QuarkusTest
class BatchLockOrderTest {

    @Inject
    DeadlineRepository deadlines;

    @Test
    void batchesThatMeetTheSameAppealsInOppositeOrdersDoNotDeadlock() throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        CountDownLatch oneHeld = new CountDownLatch(1);
        CountDownLatch otherHeld = new CountDownLatch(1);
        CompletableFuture<Void> forwards = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            deadlines.lockAppeals(List.of(first, second));
            deadlines.lockOrStart(first, Instant.now());
            oneHeld.countDown();
            // the other batch waits for this one's commit, so it cannot have taken its first appeal meanwhile
            awaitQuietly(otherHeld);
            deadlines.lockOrStart(second, Instant.now());
        }));
        assertTrue(oneHeld.await(30, TimeUnit.SECONDS));
        CompletableFuture<Void> backwards = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            deadlines.lockAppeals(List.of(second, first));
            deadlines.lockOrStart(second, Instant.now());
            otherHeld.countDown();
            deadlines.lockOrStart(first, Instant.now());
        }));
        forwards.get(30, TimeUnit.SECONDS);
        backwards.get(30, TimeUnit.SECONDS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
