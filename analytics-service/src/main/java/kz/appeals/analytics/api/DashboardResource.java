package kz.appeals.analytics.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.config.DashboardConfig;
import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.Granularity;
import kz.appeals.analytics.domain.Headline;
import kz.appeals.analytics.domain.RankingView;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.analytics.domain.ReportingPeriod;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the dashboard page (served at {@code /dashboard/}) reads: its settings, and at every level the headline
 * figures, the units one level below (or the categories), the monthly trend and the ranking — public, since they
 * are the open data's aggregates, with the open data's suppression of small counts; exact for the roles that read
 * the metrics API.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dashboard", description = "The trust dashboard's reads: public (small counts suppressed as in the open "
        + "data), exact with an overseeing role's token")
@PermitAll
public class DashboardResource {

    /** The roles that read the exact figures of the metrics API (and see small counts here too). */
    static final List<String> OVERSEEING_ROLES = List.of(Roles.ANALYST, Roles.ADMIN,
            Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT, Roles.DISTRICT_AKIMAT);
    private static final String HEADLINE = "Received, answered, on time among the appeals whose answer came or was "
            + "due, overdue now, deemed refused, extended, escalations by the highest body reached, satisfaction. "
            + "Without an overseeing role's token a count of 1-4 reads \"<5\" and a share computed from one is null, "
            + "as in the open data.";
    private static final String FROM = "First registration day of the period";
    private static final String TO = "Last registration day of the period (inclusive)";
    private static final String LEVEL = "rural-districts, districts or regions";
    private static final String KATO = "KATO code of the territory, 9 digits";

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

    @GET
    @Path("/units")
    @Operation(summary = "The country's regions, each with its headline figures", description = HEADLINE)
    public List<Headline> regions(@Parameter(description = FROM, required = true) @QueryParam("from") String from,
                                  @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return headlines(metrics.unitsOf(TerritoryLevel.COUNTRY, TerritoryLevel.COUNTRY_CODE, TerritoryLevel.REGION,
                QueryParameters.period(from, to)));
    }

    @GET
    @Path("/units/{level}/{kato}")
    @Operation(summary = "A region's districts or a district's rural districts, each with its headline figures",
            description = "Every unit of the territorial reference, with or without appeals. " + HEADLINE)
    public List<Headline> units(@Parameter(description = "districts or regions") @PathParam("level") String level,
                                @Parameter(description = KATO) @PathParam("kato") String kato,
                                @Parameter(description = FROM, required = true) @QueryParam("from") String from,
                                @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        TerritoryLevel scope = QueryParameters.level(level);
        TerritoryLevel unit = scope.below().orElseThrow(() -> new ProblemException(Problem.of(404, "not-found",
                "Not found", "a rural district is the lowest level: it has no units below it")));
        return headlines(metrics.unitsOf(scope, QueryParameters.kato("kato", kato), unit,
                QueryParameters.period(from, to)));
    }

    @GET
    @Path("/categories/{level}/{kato}")
    @Operation(summary = "The headline figures of a territory per category (categoryCode)", description = HEADLINE)
    public List<Headline> categories(@Parameter(description = LEVEL) @PathParam("level") String level,
                                     @Parameter(description = KATO) @PathParam("kato") String kato,
                                     @Parameter(description = FROM, required = true) @QueryParam("from") String from,
                                     @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return headlines(metrics.byCategory(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to)));
    }

    @GET
    @Path("/trend/{level}/{kato}")
    @Operation(summary = "The headline figures of a territory per month of registration", description = HEADLINE)
    public List<Headline> trend(@Parameter(description = LEVEL) @PathParam("level") String level,
                                @Parameter(description = KATO) @PathParam("kato") String kato,
                                @Parameter(description = FROM, required = true) @QueryParam("from") String from,
                                @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return headlines(metrics.series(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to), Granularity.MONTH));
    }

    @GET
    @Path("/ranking/{level}/{kato}")
    @Operation(summary = "The ranking of a region's or a district's rural districts, towns or cities",
            description = "The trust index's funnel ranking (as GET /api/v1/rankings/rural-districts) of the units of "
                    + "one comparison group in the territory (group in the response): rural (rural districts, "
                    + "village and settlement akimats; the default), towns (towns of district significance, town "
                    + "administrations) or, within a region, cities (city administrations and city districts, "
                    + "as GET /api/v1/rankings/districts?group=cities). Without an overseeing role's token, a "
                    + "territory's appeals of 1-4 read \"<5\" and its place in a funnel computed from a count of 1-4 "
                    + "is null, as in the open data.")
    public RankingView ranking(@Parameter(description = "districts or regions") @PathParam("level") String level,
                               @Parameter(description = KATO) @PathParam("kato") String kato,
                               @Parameter(description = FROM, required = true) @QueryParam("from") String from,
                               @Parameter(description = TO, required = true) @QueryParam("to") String to,
                               @Parameter(description = "rural (default), towns, or cities within a region")
                               @QueryParam("group") String group) {
        TerritoryLevel scope = QueryParameters.level(level);
        if (scope == TerritoryLevel.RURAL_DISTRICT) {
            throw new ProblemException(Problem.of(404, "not-found", "Not found",
                    "rural districts are ranked within a region or a district"));
        }
        String code = QueryParameters.kato("kato", kato);
        ReportingPeriod period = QueryParameters.period(from, to);
        ComparisonGroup comparison = QueryParameters.groupWithin(group, scope);
        Map<String, TerritoryMetrics.Territory> names = metrics.unitsOf(scope, code, comparison.rankedAt(), period)
                .stream().collect(Collectors.toMap(TerritoryMetrics::kato, TerritoryMetrics::territory));
        return RankingView.of(metrics.ranking(scope, code, comparison, period), names, !overseer());
    }

    private Headline headline(TerritoryLevel level, String kato, ReportingPeriod period) {
        return Headline.of(metrics.of(level, kato, period), !overseer());
    }

    private List<Headline> headlines(List<TerritoryMetrics> units) {
        boolean suppress = !overseer();
        return units.stream().map(unit -> Headline.of(unit, suppress)).toList();
    }

    private boolean overseer() {
        return !caller.isAnonymous() && OVERSEEING_ROLES.stream().anyMatch(caller::hasRole);
    }
}
