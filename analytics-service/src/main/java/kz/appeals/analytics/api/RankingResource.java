package kz.appeals.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings/rural-districts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trust metrics")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT,
        Roles.DISTRICT_AKIMAT})
public class RankingResource {

    private final MetricsService metrics;

    public RankingResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Operation(summary = "The rural districts of a region ranked by trust index",
            description = "Ranked by the lower bound of the 95% Wilson interval of the share of appeals kept "
                    + "locally; the response carries the formula and the minimum volume, and lists the districts "
                    + "below it without a rank.")
    public Ranking ofRegion(
            @Parameter(description = "KATO code of the region, 9 digits", required = true)
            @QueryParam("regionKato") String regionKato,
            @Parameter(description = "First registration day of the period", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Last registration day of the period (inclusive)", required = true)
            @QueryParam("to") String to) {
        return metrics.rankingOfRegion(QueryParameters.kato("regionKato", regionKato),
                QueryParameters.period(from, to));
    }
}
