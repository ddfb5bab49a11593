package kz.appeals.routing.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.domain.KatoCode;
import kz.appeals.routing.service.AppealRouting;
import kz.appeals.routing.service.RoutingQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private static final String GEOJSON = "application/geo+json";

    /** An operator's placement of an appeal: the unit where the problem is, and why. */
    public record Assignment(String katoCode, String note) {
    }

    private final RoutingQueries queries;
    private final AppealRouting routing;

    public RoutingResource(RoutingQueries queries, AppealRouting routing) {
        this.queries = queries;
        this.routing = routing;
    }

    @GET
    @Path("/routes/{appealId}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Where an appeal was routed, every rule tried and why")
    public RoutingQueries.RouteView route(@PathParam("appealId") UUID appealId) {
        return queries.route(appealId).orElseThrow(() -> ProblemException.notFound("No routed appeal " + appealId));
    }

    @GET
    @Path("/triage")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Appeals no rule could route, oldest first, with what each rule found")
    public List<RoutingQueries.TriageItem> triage(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalidField("limit", "range", "limit must be 1 to 1000");
        }
        return queries.triage(limit);
    }

    @POST
    @Path("/triage/{appealId}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Place an appeal from the triage queue; the competence rules choose the body",
            description = "Publishes appeal.routed with method MANUAL, as any routing decision.")
    public RoutingQueries.RouteView assign(@PathParam("appealId") UUID appealId, Assignment assignment) {
        if (assignment == null || !KatoCode.isWellFormed(assignment.katoCode())) {
            throw ProblemException.invalidField("katoCode", "pattern", "KATO code must be 9 digits");
        }
        if (assignment.note() == null || assignment.note().isBlank() || assignment.note().length() > 500) {
            throw ProblemException.invalidField("note", "required", "Say why, in 1 to 500 characters");
        }
        routing.assign(appealId, assignment.katoCode(), assignment.note());
        return queries.route(appealId).orElseThrow();
    }

    @GET
    @Path("/territory/{kato}")
    @RolesAllowed({Roles.FRONTEND, Roles.OPERATOR, Roles.ADMIN, Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT,
            Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.ANALYST})
    @Operation(summary = "The latest version of a unit of the classifier; for a rural district also its akim and office")
    public RoutingQueries.UnitView unit(@PathParam("kato") String kato) {
        return existingVersions(kato).get(0);
    }

    @GET
    @Path("/territory/boundaries")
    @Produces(GEOJSON)
    @PermitAll
    @Operation(summary = "The boundaries in force of a region's rural districts, as a GeoJSON FeatureCollection",
            description = "Public: published administrative boundaries, the analytics dashboard's map (no token "
                    + "needed). Each feature's `properties.kato` is the rural-level unit's KATO code; coordinates are "
                    + "rounded to 4 decimal places (about 11 m). Cacheable by browsers and shared caches for an hour "
                    + "(`Cache-Control`, `Vary: Origin`); the `ETag` and `Last-Modified` change with every import of "
                    + "the territory and on the day a release imported ahead comes into force, so `If-None-Match` or "
                    + "`If-Modified-Since` get a bodiless 304 until then.")
    @APIResponse(responseCode = "200", description = "The boundaries",
            content = @Content(mediaType = GEOJSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "304", description = "Not changed since the ETag or the date the request names")
    @APIResponse(responseCode = "422", description = "regionKato is not a KATO code of 9 digits (problem+json)")
    public Response boundaries(
            @Parameter(description = "KATO code of the region (its first two digits count)", required = true)
            @QueryParam("regionKato") String regionKato,
            @Context Request request) {
        if (!KatoCode.isWellFormed(regionKato)) {
            throw ProblemException.invalidField("regionKato", "pattern", "regionKato must be a KATO code of 9 digits");
        }
        RoutingQueries.MapVersion version = queries.mapVersion(regionKato);
        EntityTag tag = new EntityTag(version.tag());
        Optional<Date> modified = version.changedAt().map(at -> Date.from(at.truncatedTo(ChronoUnit.SECONDS)));
        Response.ResponseBuilder notModified = modified.isPresent()
                ? request.evaluatePreconditions(modified.get(), tag) : request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified
                : Response.ok(queries.boundariesOfRegion(version), GEOJSON);
        modified.ifPresent(answer::lastModified);
        // Public data, the same for every caller; CORS answers the dashboard's origin only, so a shared cache keeps
        // one copy per Origin.
        return answer.tag(tag).header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600")
                .header(HttpHeaders.VARY, "Origin").build();
    }

    @GET
    @Path("/territory/{kato}/versions")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN, Roles.ANALYST})
    @Operation(summary = "Every version of a unit, newest first, with the dates each was in force")
    public List<RoutingQueries.UnitView> versions(@PathParam("kato") String kato) {
        return existingVersions(kato);
    }

    /**
     * Not {@link #versions} itself: a call to it, even from this class, passes its narrower {@code @RolesAllowed},
     * which refused the latest version to the roles {@link #unit} admits.
     */
    private List<RoutingQueries.UnitView> existingVersions(String kato) {
        if (!KatoCode.isWellFormed(kato)) {
            throw ProblemException.invalidField("kato", "pattern", "KATO code must be 9 digits");
        }
        List<RoutingQueries.UnitView> versions = queries.unitVersions(kato);
        if (versions.isEmpty()) {
            throw ProblemException.notFound("No territorial unit " + kato);
        }
        return versions;
    }
}
