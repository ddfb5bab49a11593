package kz.appeals.response.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.security.Roles;
import kz.appeals.response.service.AppealViews.CitizenView;
import kz.appeals.response.service.CitizenService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The applicant's side of an answer, called by the e-government front end for the signed-in citizen, who is named
 * by intake's pseudonym. Another applicant's appeal answers 404 like an unknown one.
 */
@Path("/api/v1/citizen/appeals/{id}")
@RolesAllowed(Roles.FRONTEND)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applicant", description = "Rate an answer, reopen an unsatisfying one")
public class CitizenResource {

    private final CitizenService citizens;

    public CitizenResource(CitizenService citizens) {
        this.citizens = citizens;
    }

    @POST
    @Path("/rating")
    @Operation(summary = "Rate the latest answer, once per cycle (status stays ANSWERED)")
    public CitizenView rate(@PathParam("id") UUID id, @Valid @NotNull RateRequest request) {
        return citizens.rate(id, request.applicantRef(), request.satisfied(), request.comment());
    }

    @POST
    @Path("/reopen")
    @Operation(summary = "Send an answer rated as not satisfying back for a new cycle (ANSWERED -> ROUTED)",
            description = "Within the configured period after the answer; the new cycle has a new term.")
    public CitizenView reopen(@PathParam("id") UUID id, @Valid @NotNull ReopenRequest request) {
        return citizens.reopen(id, request.applicantRef(), request.reason());
    }
}
