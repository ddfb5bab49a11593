package kz.appeals.response.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.security.Roles;
import kz.appeals.response.service.AppealViews.AppealDetail;
import kz.appeals.response.service.AppealViews.AuditEntry;
import kz.appeals.response.service.OfficeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * One appeal of the caller's body. An appeal of another body answers 404 like one that does not exist. A refused
 * action answers 409 with the current status and the actions it allows.
 */
@Path("/api/v1/appeals/{id}")
@RolesAllowed(Roles.AKIM_OFFICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Office appeals", description = "Acknowledge, answer or hand back an appeal of the caller's body")
public class AppealResource {

    private final OfficeService office;
    private final OfficeScope scope;

    public AppealResource(OfficeService office, OfficeScope scope) {
        this.office = office;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "The appeal with its answer, escalations and audit history")
    public AppealDetail detail(@PathParam("id") UUID id) {
        return office.detail(scope.katoCode(), id);
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Every status change of the appeal, oldest first")
    public List<AuditEntry> audit(@PathParam("id") UUID id) {
        return office.audit(scope.katoCode(), id);
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "Take the appeal into work (ROUTED -> IN_WORK)")
    public AppealDetail acknowledge(@PathParam("id") UUID id) {
        return office.acknowledge(scope.katoCode(), id, scope.actor());
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the appeal (ROUTED or IN_WORK -> ANSWERED)",
            description = "In Kazakh or in the language of the appeal.")
    public AppealDetail answer(@PathParam("id") UUID id, @Valid @NotNull AnswerRequest request) {
        return office.answer(scope.katoCode(), id, request.outcome(), request.language(), request.text(),
                scope.actor());
    }

    @POST
    @Path("/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Not this body's competence: ask routing to choose another (ROUTED or IN_WORK -> REDIRECT_REQUESTED)")
    public AppealDetail redirect(@PathParam("id") UUID id, @Valid @NotNull RedirectRequest request) {
        return office.redirect(scope.katoCode(), id, request.reason(), scope.actor());
    }
}
