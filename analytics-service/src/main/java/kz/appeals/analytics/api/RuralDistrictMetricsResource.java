package kz.appeals.analytics.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.analytics.domain.RuralDistrictMetrics;
import kz.appeals.analytics.service.MetricsService;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/metrics/rural-districts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Trust metrics", description = "How each rural district's akim handles appeals, by registration period")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.REGION_AKIMAT,
        Roles.DISTRICT_AKIMAT})
public class RuralDistrictMetricsResource {

    private static final String FROM = "First registration day of the period, e.g. 2026-11-01";
    private static final String TO = "Last registration day of the period (inclusive), e.g. 2026-11-30";

    private final MetricsService metrics;

    public RuralDistrictMetricsResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/{kato}")
    @Operation(summary = "Metrics of one rural district",
            description = "Counts over the appeals registered from `from` to `to` (inclusive); zeros if none were.")
    public RuralDistrictMetrics ofRuralDistrict(
            @Parameter(description = "KATO code of the rural district, 9 digits") @PathParam("kato") String kato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return metrics.ofRuralDistrict(QueryParameters.kato("kato", kato), QueryParameters.period(from, to));
    }

    @GET
    @Operation(summary = "Metrics of every rural district of a region",
            description = "One entry per rural district that received appeals in the period, sorted by KATO code.")
    public List<RuralDistrictMetrics> ofRegion(
            @Parameter(description = "KATO code of the region, 9 digits", required = true)
            @QueryParam("regionKato") String regionKato,
            @Parameter(description = FROM, required = true) @QueryParam("from") String from,
            @Parameter(description = TO, required = true) @QueryParam("to") String to) {
        return metrics.ofRegion(QueryParameters.kato("regionKato", regionKato), QueryParameters.period(from, to));
    }
}
