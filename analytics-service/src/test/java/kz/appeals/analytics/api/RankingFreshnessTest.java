package kz.appeals.analytics.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import kz.appeals.analytics.Eventually;
import kz.appeals.analytics.LifecycleEvents;
import kz.appeals.analytics.ShiftedClock;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.service.RankingRefresher;
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
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.appeals.analytics.LifecycleEvents.randomKato;
import static kz.appeals.analytics.LifecycleEvents.routed;
import static kz.appeals.analytics.LifecycleEvents.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How fresh a served ranking is, over HTTP against the real database and broker: an outdated ranking within
 * {@code serve-outdated-for} is served with its own {@code computedAt} and ETag and recomputed once in the
 * background, beyond it the reader waits for the computation, and the service is unready until the dashboard's
 * defaults are computed. The refresher does not run by itself here (the test runs its pass), and the clock is moved
 * instead of slept through.
 */
@QuarkusTest
@TestProfile(RankingFreshnessTest.ClockAndRefresherInHand.class)
class RankingFreshnessTest {

    public static class ClockAndRefresherInHand implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.scheduler.enabled", "false");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ShiftedClock.class);
        }
    }

    /** RankingCache's spacing between two recomputations of one entry ahead of its readers. */
    private static final Duration REFRESH_SPACING = Duration.ofSeconds(5);
    private static final String RANKING = "/api/v1/rankings/rural-districts";
    private static final LocalDate TODAY = LocalDate.now(AppkTerms.NATIONAL_OFFSET);

    @Inject
    ShiftedClock clock;

    @Inject
    RankingConfig config;

    @Inject
    RankingRefresher refresher;

    @Inject
    MeterRegistry registry;

    @Test
    void anOutdatedRankingIsServedWithItsOwnTagAndRecomputedOnceInTheBackground() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        appeals(region, ruralDistrict, 3);
        Response computed = ranking(region);
        assertEquals(List.of(3), computed.path("ranked.received"));
        String computedTag = computed.header("ETag");
        String computedAt = computed.path("computedAt");
        assertEquals(304, ranking(region, computedTag).statusCode(), "current: revalidated without a body");

        appeals(region, ruralDistrict, 1);
        Map<String, Double> before = counts();
        Response outdated = ranking(region);
        assertEquals(List.of(3), outdated.path("ranked.received"), "served as computed before the change");
        assertEquals(computedAt, outdated.path("computedAt"), "and says when that was");
        assertEquals(computedTag, outdated.header("ETag"), "the tag of what is served");
        assertEquals(304, ranking(region, computedTag).statusCode(), "what the dashboard holds is what is served");

        clock.advance(REFRESH_SPACING);
        Response refreshed = Eventually.await(() -> ranking(region),
                r -> List.of(4).equals(r.path("ranked.received")), "the ranking recomputed in the background");
        Map<String, Double> after = counts();
        assertEquals(1.0, after.get("refreshed") - before.get("refreshed"), "recomputed once, by the background");
        assertEquals(0.0, after.get("miss") - before.get("miss"), "no reader waited for it");
        assertTrue(after.get("outdated") - before.get("outdated") >= 2, "served outdated meanwhile");
        assertTrue(Instant.parse(refreshed.path("computedAt")).isAfter(Instant.parse(computedAt)));
        assertNotEquals(computedTag, refreshed.header("ETag"));
        Response revalidated = ranking(region, computedTag);
        assertEquals(200, revalidated.statusCode(), "the outdated tag no longer matches");
        assertEquals(refreshed.header("ETag"), revalidated.header("ETag"));
        assertEquals(304, ranking(region, refreshed.header("ETag")).statusCode());
    }

    @Test
    void beyondTheBoundTheReaderWaitsForTheComputation() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        appeals(region, ruralDistrict, 3);
        String computedAt = ranking(region).path("computedAt");

        appeals(region, ruralDistrict, 1);
        clock.advance(config.serveOutdatedFor());
        Map<String, Double> before = counts();
        Response answered = ranking(region);
        Map<String, Double> after = counts();
        assertEquals(List.of(4), answered.path("ranked.received"), "not served the outdated ranking");
        assertEquals(1.0, after.get("miss") - before.get("miss"), "computed for the reader");
        assertEquals(0.0, after.get("outdated") - before.get("outdated"));
        assertTrue(Duration.between(Instant.parse(computedAt), Instant.parse(answered.path("computedAt")))
                .compareTo(config.serveOutdatedFor()) >= 0);
    }

    @Test
    void theServiceIsUnreadyUntilTheDashboardsDefaultsAreComputedThenServesThemFromMemory() {
        String region = randomKato();
        String ruralDistrict = randomKato();
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            LifecycleEvents.publish(probe, new TerritorialUnitPublished(region, UnitLevel.REGION, null, region,
                    "Сынақ облысы", "Тестовая область", null, null, null, LocalDate.of(2025, 1, 1), null,
                    Instant.now()));
        }
        appeals(region, ruralDistrict, 3);
        KafkaProbe.awaitCaughtUp("analytics-service", List.of(Topics.TERRITORY, Topics.ROUTING),
                Duration.ofSeconds(60));
        assertEquals("DOWN", readiness(), "no refresh pass yet");

        refresher.refresh();
        assertEquals("UP", readiness());
        Map<String, Double> before = counts();
        assertEquals(List.of(3), ranking(region).path("ranked.received"));
        Map<String, Double> after = counts();
        assertEquals(1.0, after.get("hit") - before.get("hit"), "the first reader is served from memory");
        assertEquals(0.0, after.get("miss") - before.get("miss"));
    }

    /** {@code count} new appeals of the rural district, this year, consumed. */
    private void appeals(String region, String ruralDistrict, int count) {
        Integer before = Eventually.whenOk(() -> asAnalyst()
                .get("/api/v1/metrics/rural-districts/{kato}", ruralDistrict).then().statusCode(200), "received");
        int expected = (before == null ? 0 : before) + count;
        try (KafkaProbe probe = new KafkaProbe(Topics.ROUTING)) {
            for (int i = 0; i < count; i++) {
                send(probe, routed(UUID.randomUUID(), ruralDistrict, region, TODAY));
            }
        }
        Eventually.await(() -> Eventually.whenOk(() -> asAnalyst()
                        .get("/api/v1/metrics/rural-districts/{kato}", ruralDistrict).then().statusCode(200),
                "received"), Integer.valueOf(expected)::equals, expected + " appeals of " + ruralDistrict + " counted");
    }

    private static Response ranking(String region) {
        Response response = asAnalyst().queryParam("regionKato", region).get(RANKING);
        assertEquals(200, response.statusCode(), response::asString);
        return response;
    }

    private static Response ranking(String region, String ifNoneMatch) {
        return asAnalyst().header("If-None-Match", ifNoneMatch).queryParam("regionKato", region).get(RANKING);
    }

    private static String readiness() {
        return given().get("/q/health/ready").then().extract()
                .path("checks.find { it.name == 'dashboard-rankings' }.status");
    }

    private Map<String, Double> counts() {
        return Map.of("hit", count("hit"), "outdated", count("outdated"), "miss", count("miss"),
                "refreshed", count("refreshed"));
    }

    private double count(String outcome) {
        return registry.counter("appeals.analytics.ranking.cache", "outcome", outcome).count();
    }

    private static RequestSpecification asAnalyst() {
        return given().auth().oauth2(Tokens.forRole(Roles.ANALYST))
                .queryParam("from", TODAY.withDayOfYear(1).toString()).queryParam("to", TODAY.toString());
    }
}
