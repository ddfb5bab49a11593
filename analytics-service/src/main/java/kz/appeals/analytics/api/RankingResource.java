package kz.appeals.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/rankings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trust metrics")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT,
        Roles.DISTRICT_AKIMAT})
public class RankingResource {

    private static final String DESCRIPTION = "Compared by a funnel plot (Spiegelhalter D. J., Funnel plots for "
            + "comparing institutional performance, Statistics in Medicine 2005;24:1185-1202) of the share of appeals "
            + "kept locally, one applicant's repeated appeals merged and weight capped: every territory's funnel "
            + "carries its band (WORSE_99_8, WORSE_95, AS_EXPECTED, BETTER_95, BETTER_99_8: outside the 99.8% or 95% "
            + "control limits at its volume, or inside), those limits, and its empirical-Bayes shrunk estimate with "
            + "a 95% interval; the response's funnel carries the method, the reference rate, the over-dispersion "
            + "test (phi, significant, tau2) and the levels. Listed best band first and in KATO order within a band; "
            + "rank is shared within a band (1 + the territories in a better band), since the evidence cannot tell "
            + "them apart. trust (the 95% Wilson interval, whose lower bound was the order until it was shown to "
            + "favour volume) stays in every row. escalationFunnel (in the response and in every row whose residents "
            + "are known) places letters that reached the district akimat or higher per 1,000 residents in a Poisson "
            + "funnel the same way, without ordering the list. The response carries the formula, the minimum volume and the cap, "
            + "and lists the territories below the minimum unranked, with their band. "
            + "computedAt is when the facts it counts were read: rankings are served from memory, and one that "
            + "newer facts outdated is still served while it is recomputed if it is at most "
            + "appeals.analytics.ranking.serve-outdated-for old (default 30 s). The ETag changes with computedAt. "
            + "Like is compared with like: a ranking compares one comparison group (group in the response), and the "
            + "funnel's reference rate is that group's. Rural districts: RURAL (rural districts, village and "
            + "settlement akimats; the default) or TOWNS (towns of district significance, town administrations). "
            + "Districts: DISTRICTS (the default) or CITIES (city administrations, city districts). Each row's "
            + "territory kind says what kind of body it is.";
    private static final String GROUP = "Comparison group: rural (default) or towns for rural districts, districts "
            + "(default) or cities for districts";

    private final MetricsService metrics;

    public RankingResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/rural-districts")
    @Operation(summary = "The rural districts (or towns) of a region or of a district compared by the trust index's "
            + "funnel",
            description = DESCRIPTION)
    public Ranking ruralDistricts(
            @Parameter(description = "KATO code of the region (or give districtKato)") @QueryParam("regionKato")
            String regionKato,
            @Parameter(description = "KATO code of the district (or give regionKato)") @QueryParam("districtKato")
            String districtKato,
            @Parameter(description = "First registration day of the period", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Last registration day of the period (inclusive)", required = true)
            @QueryParam("to") String to,
            @Parameter(description = GROUP) @QueryParam("group") String group) {
        QueryParameters.Scope scope = QueryParameters.scope(regionKato, districtKato);
        return metrics.ranking(scope.level(), scope.kato(),
                QueryParameters.group(group, TerritoryLevel.RURAL_DISTRICT), QueryParameters.period(from, to));
    }

    @GET
    @Path("/districts")
    @Operation(summary = "The districts (or cities) of a region compared by the trust index's funnel",
            description = DESCRIPTION)
    public Ranking districts(
            @Parameter(description = "KATO code of the region, 9 digits", required = true)
            @QueryParam("regionKato") String regionKato,
            @Parameter(description = "First registration day of the period", required = true)
            @QueryParam("from") String from,
            @Parameter(description = "Last registration day of the period (inclusive)", required = true)
            @QueryParam("to") String to,
            @Parameter(description = GROUP) @QueryParam("group") String group) {
        return metrics.ranking(TerritoryLevel.REGION, QueryParameters.kato("regionKato", regionKato),
                QueryParameters.group(group, TerritoryLevel.DISTRICT), QueryParameters.period(from, to));
    }
}
