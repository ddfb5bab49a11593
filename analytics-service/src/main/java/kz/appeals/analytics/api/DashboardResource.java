package kz.appeals.analytics.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.config.DashboardConfig;
import kz.appeals.analytics.domain.Headline;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * What the dashboard page (served at {@code /dashboard/}) reads before, or without, its reader signing in: its
 * settings, and the headline figures of every level — public, as the open data is, with the same suppression of
 * small counts; exact for the roles that read the metrics API.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "The trust dashboard's public reads")
@PermitAll
public class DashboardResource {

    /** The roles that read the exact figures of the metrics API (and see small counts here too). */
    static final List<String> OVERSEEING_ROLES = List.of(Roles.ANALYST, Roles.ADMIN,
            Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT, Roles.DISTRICT_AKIMAT);
    private static final String HEADLINE = "Received, answered, on time among the appeals whose answer came or was "
            + "due, overdue now, deemed refused, extended, escalations by the highest body reached, satisfaction. "
            + "Without an overseeing role's token a count of 1-4 reads \"<5\" and a share computed from one is null, "
            + "as in the open data.";

    public record Settings(String territoryUrl) {
    }

    private final DashboardConfig config;
    private final MetricsService metrics;
    private final Caller caller;

    public DashboardResource(DashboardConfig config, MetricsService metrics, Caller caller) {
        this.config = config;
        this.metrics = metrics;
        this.caller = caller;
    }

    @GET
    @Path("/config")
    @Operation(summary = "Settings of the dashboard page: where it reads the map's boundaries")
    public Settings settings() {
        return new Settings(config.territoryUrl());
    }

    @GET
    @Path("/headline")
    @Operation(summary = "The country's headline figures", description = HEADLINE)
    public Headline country(
            @Parameter(description = "First registration day of the period", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Last registration day of the period (inclusive)", required = true)
            @QueryParam("to") String to) {
        return headline(TerritoryLevel.COUNTRY, TerritoryLevel.COUNTRY_CODE, QueryParameters.period(from, to));
    }

    @GET
    @Path("/headline/{level}/{kato}")
    @Operation(summary = "The headline figures of a region, district or rural district", description = HEADLINE)
    public Headline territory(
            @Parameter(description = "rural-districts, districts or regions") @PathParam("level") String level,
            @Parameter(description = "KATO code of the territory, 9 digits") @PathParam("kato") String kato,
            @Parameter(description = "First registration day of the period", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Last registration day of the period (inclusive)", required = true)
            @QueryParam("to") String to) {
        return headline(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to));
    }

    private Headline headline(TerritoryLevel level, String kato, ReportingPeriod period) {
        boolean overseer = !caller.isAnonymous() && OVERSEEING_ROLES.stream().anyMatch(caller::hasRole);
        return Headline.of(metrics.of(level, kato, period), !overseer);
    }
}
