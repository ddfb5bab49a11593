package kz.appeals.analytics.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.LifecycleEvents;
import kz.appeals.appk.AppkTerms;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.contracts.TerritoryEvents.UnitLevel;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.security.Roles;
import kz.appeals.testing.KafkaProbe;
import kz.appeals.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Changes seen across replicas through {@code facts_change}, and the dashboard's rankings computed ahead. */
@QuarkusTest
class RankingRefreshTest {

    @Inject
    FactsVersion facts;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @Inject
    RankingRefresher refresher;

    @Test
    void anotherReplicasCommittedChangeMovesTheSharedVersionAndARolledBackOneMovesNothing() {
        FactsVersion.Version before = facts.readShared();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                insert into facts_change (writer, version, changed_at) values (?1, 5, now())""")
                .setParameter(1, "another replica " + UUID.randomUUID()).executeUpdate());
        FactsVersion.Version after = facts.readShared();
        assertEquals(before.shared() + 5, after.shared(), "another replica's commit");
        assertEquals(before.local(), after.local(), "nothing committed here");

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            facts.changing();
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(after, facts.readShared(), "a rolled-back change is no change");

        QuarkusTransaction.requiringNew().run(() -> {
            facts.changing();
            facts.changing();
        });
        FactsVersion.Version committed = facts.readShared();
        assertEquals(after.shared() + 1, committed.shared(), "once per transaction");
        assertEquals(after.local() + 1, committed.local());
    }

    @Test
    void aRegionsDefaultRankingIsComputedBeforeItsFirstReader() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        LocalDate today = LocalDate.now(AppkTerms.NATIONAL_OFFSET);
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(region, UnitLevel.REGION, null, region,
                    "Сынақ облысы", "Тестовая область", null, null, null, LocalDate.of(2025, 1, 1), null,
                    Instant.now()));
            for (int i = 0; i < 3; i++) {
                send(probe, routed(UUID.randomUUID(), ruralDistrict, region, today));
            }
        }
        Eventually.await(() -> Eventually.whenOk(() -> asAnalyst(today)
                        .get("/api/v1/metrics/rural-districts/{kato}", ruralDistrict).then().statusCode(200),
                "received"), Integer.valueOf(3)::equals, "the three appeals of " + ruralDistrict + " counted");
        KafkaProbe.awaitCaughtUp("analytics-service", List.of(Topics.TERRITORY, Topics.ROUTING),
                Duration.ofSeconds(60));
        // the first pass that starts a spacing after the last change has recomputed it, however long the refresher
        // waits between passes (four times the last pass: long after a start, when the first pass ran cold)
        Instant due = Instant.now().plus(RankingCache.REFRESH_SPACING);
        Eventually.await(refresher::lastPassStartedAt, at -> at != null && at.isAfter(due),
                "a refresh pass started after " + due);

        double hits = cacheCount("hit");
        double outdated = cacheCount("outdated");
        double misses = cacheCount("miss");
        asAnalyst(today).queryParam("regionKato", region).get("/api/v1/rankings/rural-districts")
                .then().statusCode(200)
                .body("ranked.kato", contains(ruralDistrict))
                .body("ranked.received", contains(3));
        assertEquals(outdated, cacheCount("outdated"), "current, not served outdated");
        assertEquals(misses, cacheCount("miss"), "not computed for its reader");
        assertEquals(hits + 1, cacheCount("hit"), "served from the cache");
    }

    private double cacheCount(String outcome) {
        return registry.counter("appeals.analytics.ranking.cache", "outcome", outcome).count();
    }

    private static RequestSpecification asAnalyst(LocalDate today) {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST))
                .queryParam("from", today.withDayOfYear(1).toString()).queryParam("to", today.toString());
    }
}
