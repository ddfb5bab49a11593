package kz.appeals.analytics.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.config.DashboardConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the dashboard page (served at {@code /dashboard/}) needs to know before its reader signs in. */
@Path("/api/v1/dashboard/config")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard")
@PermitAll
public class DashboardResource {

    public record Settings(String territoryUrl) {
    }

    private final DashboardConfig config;

    public DashboardResource(DashboardConfig config) {
        this.config = config;
    }

    @GET
    @Operation(summary = "Settings of the dashboard page: where it reads the map's boundaries")
    public Settings settings() {
        return new Settings(config.territoryUrl());
    }
}
