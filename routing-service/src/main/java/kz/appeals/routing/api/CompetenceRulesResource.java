package kz.appeals.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.service.CompetenceAdmin;
import kz.appeals.routing.service.TerritoryCache;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/admin/competence-rules")
@Tag(name = "Competence rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CompetenceRulesResource {

    private final CompetenceAdmin admin;
    private final TerritoryCache cache;

    public CompetenceRulesResource(CompetenceAdmin admin, TerritoryCache cache) {
        this.admin = admin;
        this.cache = cache;
    }

    @GET
    @Operation(summary = "Every competence rule: category × level of the place → kind of body")
    public List<CompetenceAdmin.RuleView> list() {
        return admin.list();
    }

    @PUT
    @Path("/{category}/{scope}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the rule for a category ('*' = default) at a level (ANY, RURAL_DISTRICT, DISTRICT, REGION)",
            description = "responsibility: RURAL_AKIM, DISTRICT_DEPARTMENT, REGION_DEPARTMENT, UTILITY, "
                    + "NATIONAL_AGENCY, or NO_PUBLIC_BODY (the applicant is told that no public body handles it, "
                    + "with the note as the reason). Applies to decisions from now on.")
    public CompetenceAdmin.RuleView put(@PathParam("category") String category, @PathParam("scope") String scope,
                                        CompetenceAdmin.RuleChange change) {
        CompetenceAdmin.RuleView view = admin.put(category, scope, change);
        cache.reload();
        return view;
    }

    @DELETE
    @Path("/{category}/{scope}")
    @Operation(summary = "Remove a rule; the more general one applies again")
    public void delete(@PathParam("category") String category, @PathParam("scope") String scope) {
        admin.delete(category, scope);
        cache.reload();
    }
}
