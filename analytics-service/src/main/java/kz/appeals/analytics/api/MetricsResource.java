package kz.appeals.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.domain.TerritoryLevel;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Metrics of a rural district's akim, and the same rolled up per district and region. Every answer carries an
 * {@code ETag} ({@link EntityTagFilter}), so a dashboard polling it is answered {@code 304} until a number changes.
 */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trust metrics", description = "How each akim handles appeals, by registration period")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT,
        Roles.DISTRICT_AKIMAT})
public class MetricsResource {

    private static final String LEVEL = "rural-districts, districts or regions";
    private static final String KATO = "KATO code of the territory, 9 digits";
    private static final String FROM = "First registration day of the period, e.g. 2026-11-01";
    private static final String TO = "Last registration day of the period (inclusive), e.g. 2026-11-30";

    private final MetricsService metrics;

    public MetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/rural-districts")
    @Operation(summary = "Metrics of every rural district of a region or of a district",
            description = "One entry per rural district, sorted by KATO code: every current one of the "
                    + "territorial reference (zeros where no appeal came) and any other that received appeals.")
    public List<TerritoryMetrics> ruralDistricts(
            @Parameter(description = "KATO code of the region (or give districtKato)") @QueryParam("regionKato")
            String regionKato,
            @Parameter(description = "KATO code of the district (or give regionKato)") @QueryParam("districtKato")
            String districtKato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        QueryParameters.Scope scope = QueryParameters.scope(regionKato, districtKato);
        return metrics.unitsOf(scope.level(), scope.kato(), TerritoryLevel.RURAL_DISTRICT,
                QueryParameters.period(from, to));
    }

    @GET
    @Path("/regions")
    @Operation(summary = "Metrics of every region", description = "The top of the drill-down, by KATO code.")
    public List<TerritoryMetrics> regions(
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return metrics.unitsOf(TerritoryLevel.COUNTRY, TerritoryLevel.COUNTRY_CODE, TerritoryLevel.REGION,
                QueryParameters.period(from, to));
    }

    @GET
    @Path("/{level}/{kato}")
    @Operation(summary = "Metrics of one territory",
            description = "Counts over the appeals registered from `from` to `to` (inclusive); zeros if none were.")
    public TerritoryMetrics one(
            @Parameter(description = LEVEL) @PathParam("level") String level,
            @Parameter(description = KATO) @PathParam("kato") String kato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return metrics.of(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to));
    }

    @GET
    @Path("/{level}/{kato}/series")
    @Operation(summary = "Time series of one territory",
            description = "The metrics per day, ISO week, month, quarter or year of registration; every bucket of "
                    + "the period is present, the first and last cut to the period.")
    public List<TerritoryMetrics> series(
            @Parameter(description = LEVEL) @PathParam("level") String level,
            @Parameter(description = KATO) @PathParam("kato") String kato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to,
            @Parameter(description = "day, week, month (default), quarter or year") @QueryParam("granularity")
            String granularity) {
        return metrics.series(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to), QueryParameters.granularity(granularity));
    }

    @GET
    @Path("/{level}/{kato}/categories")
    @Operation(summary = "Category breakdown of one territory",
            description = "One entry per category with appeals in the period, by category code.")
    public List<TerritoryMetrics> categories(
            @Parameter(description = LEVEL) @PathParam("level") String level,
            @Parameter(description = KATO) @PathParam("kato") String kato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return metrics.byCategory(QueryParameters.level(level), QueryParameters.kato("kato", kato),
                QueryParameters.period(from, to));
    }

    @GET
    @Path("/{level}/{kato}/units")
    @Operation(summary = "Drill-down: the territories one level below",
            description = "A region's districts or a district's rural districts, by KATO code: every current "
                    + "one of the territorial reference (zeros where no appeal came) and any other that received "
                    + "appeals in the period.")
    public List<TerritoryMetrics> units(
            @Parameter(description = "districts or regions") @PathParam("level") String level,
            @Parameter(description = KATO) @PathParam("kato") String kato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        TerritoryLevel scope = QueryParameters.level(level);
        TerritoryLevel unit = scope.below().orElseThrow(() -> new ProblemException(Problem.of(404, "not-found",
                "Not found", "a rural district is the lowest level: it has no units below it")));
        return metrics.unitsOf(scope, QueryParameters.kato("kato", kato), unit, QueryParameters.period(from, to));
    }
}
