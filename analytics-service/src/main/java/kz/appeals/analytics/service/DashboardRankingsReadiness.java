package kz.appeals.analytics.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * DOWN until {@link RankingRefresher}'s first pass has computed every region's default dashboard ranking, so that a
 * replica gets traffic (after a start, a rollout or a rebuild) only once it answers dashboards from memory: at
 * national scale the first readers would otherwise wait seconds each. UP from then on: a database that later
 * cannot be read is reported by the datasource's own check.
 */
@Readiness
@ApplicationScoped
public class DashboardRankingsReadiness implements HealthCheck {

    private final RankingRefresher refresher;

    public DashboardRankingsReadiness(RankingRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public HealthCheckResponse call() {
        Instant computedAt = refresher.defaultsComputedAt();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dashboard-rankings");
        if (computedAt == null) {
            return response.down().withData("defaults", "not computed yet").build();
        }
        return response.up().withData("defaultsComputedAt", computedAt.toString())
                .withData("lastPassStartedAt", refresher.lastPassStartedAt().toString()).build();
    }
}
