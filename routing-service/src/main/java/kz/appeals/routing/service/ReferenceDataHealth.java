package kz.appeals.routing.service;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.TerritoryIndex;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether routing has a territory to route by: {@code /q/health/group/reference-data} is DOWN until one was imported.
 * Readiness does not include it, because the territory is imported through this service's own API.
 */
@HealthGroup("reference-data")
@ApplicationScoped
public class ReferenceDataHealth implements HealthCheck {

    private final TerritoryCache cache;

    public ReferenceDataHealth(TerritoryCache cache) {
        this.cache = cache;
    }

    @Override
    public HealthCheckResponse call() {
        TerritoryIndex territory = cache.territory();
        return HealthCheckResponse.named("territory").status(territory.unitCount() > 0)
                .withData("units", territory.unitCount()).withData("boundaries", territory.boundaryCount()).build();
    }
}
