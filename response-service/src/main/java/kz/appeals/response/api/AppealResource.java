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
 * One appeal. The body holding it (its office's token names it) reads and acts; the bodies above read it
 * (escalated to them, or a subordinate's) and may take over what was escalated to them, after which they hold it. An appeal outside the caller's scope answers 404 like one that does not exist. A refused action
 * answers 409 with the current status and the actions it allows.
 */
@Path("/api/v1/appeals/{id}")
@RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Office appeals", description = "Acknowledge, extend, answer or hand back an appeal of the caller's body")
public class AppealResource {

    private final OfficeService office;
    private final OfficeScope scope;

    public AppealResource(OfficeService office, OfficeScope scope) {
        this.office = office;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION})
    @Operation(summary = "The appeal with its term, answers, escalations, audit history and related appeals")
    public AppealDetail detail(@PathParam("id") UUID id) {
        return office.detail(scope.account(), id);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION})
    @Operation(summary = "Every change of the appeal: who, when, from and to which status, why; oldest first")
    public List<AuditEntry> audit(@PathParam("id") UUID id) {
        return office.audit(scope.viewer(), id);
    }

    @POST
    @Path("/acknowledge")
    @Operation(summary = "Take the appeal into work (ROUTED -> IN_WORK)")
    public AppealDetail acknowledge(@PathParam("id") UUID id) {
        return office.acknowledge(scope.account(), id);
    }

    @POST
    @Path("/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Extend the term (head of the body only; ROUTED or IN_WORK, status unchanged)",
            description = "APPK Art. 76: a reasoned decision, to a working day no later than two months from the "
                    + "start of the term. The token must carry the claim office-head: true.")
    public AppealDetail extend(@PathParam("id") UUID id, @Valid @NotNull ExtendRequest request) {
        return office.extend(scope.account(), id, request.newDueDate(), request.reason());
    }

    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the appeal (ROUTED or IN_WORK -> ANSWERED)",
            description = "In Kazakh or in the language of the appeal.")
    public AppealDetail answer(@PathParam("id") UUID id, @Valid @NotNull AnswerRequest request) {
        return office.answer(scope.account(), id, request.outcome(), request.language(), request.text());
    }

    @POST
    @Path("/take-over")
    @Operation(summary = "A higher body takes over an appeal escalated to it (ROUTED or IN_WORK -> IN_WORK)",
            description = "The appeal moves to the caller's body; the office below no longer acts on it.")
    public AppealDetail takeOver(@PathParam("id") UUID id) {
        return office.takeOver(scope.account(), id);
    }

    @POST
    @Path("/redirect")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Not this body's competence: ask routing to choose another (ROUTED or IN_WORK -> REDIRECT_REQUESTED)")
    public AppealDetail redirect(@PathParam("id") UUID id, @Valid @NotNull RedirectRequest request) {
        return office.redirect(scope.account(), id, request.reason());
    }
}
