package kz.appeals.response.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.response.domain.Appeal;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static kz.appeals.response.support.RoutingFixtures.escalated;
import static kz.appeals.response.support.RoutingFixtures.newOfficeKato;
import static kz.appeals.response.support.RoutingFixtures.now;
import static kz.appeals.response.support.RoutingFixtures.routed;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing's and escalation's events for one appeal come on different topics and are applied in concurrent
 * transactions: whichever comes second must see the first's effect, even when both started before either committed.
 */
@QuarkusTest
class ConcurrentLifecycleEventsTest {

    @Inject
    LifecycleEventService lifecycle;

    @Inject
    AppealRepository appeals;

    @Test
    void anEscalationAppliedWhileTheRoutingIsInFlightStillMarksTheAppeal() throws Exception {
        UUID appealId = UUID.randomUUID();
        String office = newOfficeKato();
        CountDownLatch escalationApplied = new CountDownLatch(1);
        CountDownLatch routingApplied = new CountDownLatch(1);

        // The escalation's transaction applies its event, then stays open while the routing's transaction runs.
        CompletableFuture<Boolean> escalation = CompletableFuture.supplyAsync(() ->
                QuarkusTransaction.requiringNew().call(() -> {
                    lifecycle.applyAll(List.of(event(EventType.ESCALATED, escalated(appealId, office, now()))));
                    escalationApplied.countDown();
                    // with the lifecycle lock the routing waits for this commit: it cannot finish first
                    return routingApplied.await(2, TimeUnit.SECONDS);
                }));
        assertTrue(escalationApplied.await(30, TimeUnit.SECONDS));
        CompletableFuture<Void> routing = CompletableFuture.runAsync(() ->
                QuarkusTransaction.requiringNew().run(() -> {
                    lifecycle.applyAll(List.of(event(EventType.ROUTED, routed(appealId, office))));
                    routingApplied.countDown();
                }));

        assertFalse(escalation.get(30, TimeUnit.SECONDS), "the routing finished while the escalation was open");
        routing.get(30, TimeUnit.SECONDS);
        Appeal appeal = QuarkusTransaction.requiringNew().call(() -> appeals.findById(appealId));
        assertTrue(appeal.escalated(), "the routed appeal carries the escalation that overtook it");
    }

    private static IncomingEvent event(EventType type, AppealEvent data) {
        return new IncomingEvent(UUID.randomUUID(), type, "/test", data.subject(), data);
    }
}
