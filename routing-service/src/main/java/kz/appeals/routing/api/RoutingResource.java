package kz.appeals.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.service.RoutingQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Tag(name = "Routing")
@Produces(MediaType.APPLICATION_JSON)
public class RoutingResource {

    private final RoutingQueries queries;

    public RoutingResource(RoutingQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/routes/{appealId}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Where an appeal was routed, by which rule and why")
    public RoutingQueries.RouteView route(@PathParam("appealId") UUID appealId) {
        return queries.route(appealId).orElseThrow(() -> ProblemException.notFound("No routed appeal " + appealId));
    }

    @GET
    @Path("/territory/{kato}")
    @RolesAllowed({Roles.FRONTEND, Roles.OPERATOR, Roles.ADMIN, Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT,
            Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.ANALYST})
    @Operation(summary = "One unit of the classifier; for a rural district also its akim and office")
    public RoutingQueries.UnitView unit(@PathParam("kato") String kato) {
        if (!kz.appeals.routing.domain.KatoCode.isWellFormed(kato)) {
            throw ProblemException.invalidField("kato", "pattern", "KATO code must be 9 digits");
        }
        return queries.unit(kato).orElseThrow(() -> ProblemException.notFound("No territorial unit " + kato));
    }
}
