package kz.appeals.intake.api;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.intake.service.AppealSubmission;
import kz.appeals.intake.service.CitizenTimeline;
import kz.appeals.intake.service.KnownSettlements;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;


@Path("/api/v1/appeals")
@Tag(name = "Appeals", description = "Filing an appeal and following it")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    private final AppealSubmission submission;
    private final CitizenTimeline timeline;
    private final Caller caller;
    private final RequestGuards guards;
    private final ManagedExecutor workers;

    public AppealResource(AppealSubmission submission, CitizenTimeline timeline, Caller caller, RequestGuards guards,
                          ManagedExecutor workers) {
        this.submission = submission;
        this.timeline = timeline;
        this.caller = caller;
        this.guards = guards;
        this.workers = workers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FRONTEND)
    @Operation(summary = "File an appeal",
            description = "Registers the appeal (APPK Art. 64) and returns the receipt. A 201 means it is durable. "
                    + "Retrying with the same Idempotency-Key and body returns the original receipt with 200.")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "200", description = "Same Idempotency-Key and body as an earlier request")
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid fields (problem+json)")
    @APIResponse(responseCode = "422", description = "Breaks a rule: unknown category or KATO code, bad IIN, reused "
            + "key, anonymous (other than a public-safety report), applicant other than the signed-in citizen")
    @APIResponse(responseCode = "413", description = "Body larger than allowed (problem+json)")
    @APIResponse(responseCode = "429", description = "Too many submissions from this caller; Retry-After says when")
    @APIResponse(responseCode = "503", description = "The database cannot be reached (problem database-unavailable) "
            + "or intake is overloaded (service-busy: the submission queue is full, or every connection stayed busy); "
            + "retry after Retry-After seconds with the same Idempotency-Key")
    @NonBlocking
    @RequestGuards.ReadsBodyOnEventLoop
    public Uni<Response> submit(
            @HeaderParam("Idempotency-Key") @Pattern(regexp = "[A-Za-z0-9._:-]{8,128}")
            @Parameter(description = "Unique per appeal; reuse it only to retry") String idempotencyKey,
            @NotNull SubmitAppealRequest request, UriInfo uri) {
        // On the event loop, without a worker thread waiting for the group commit: checked here, stored by the
        // group commit's thread, answered on the event loop again. Only a place not in memory sends the check (which
        // has changed nothing before it looks the place up) to a worker thread, to read the database there.
        CompletionStage<AppealSubmission.Outcome> stored;
        try {
            stored = accept(idempotencyKey, request);
        } catch (KnownSettlements.NotInMemory placeInDatabase) {
            stored = workers.supplyAsync(() -> accept(idempotencyKey, request)).thenCompose(Function.identity());
        }
        UriBuilder receipts = uri.getAbsolutePathBuilder();
        return Uni.createFrom().completionStage(stored).map(outcome -> outcome.created()
                ? Response.created(receipts.path(outcome.receipt().receiptNumber()).build())
                        .entity(outcome.receipt()).build()
                : Response.ok(outcome.receipt()).build());
    }

    private CompletionStage<AppealSubmission.Outcome> accept(String idempotencyKey, SubmitAppealRequest request) {
        submission.refuseInvalid(request);
        caller.citizenIin().filter(signedIn -> request.applicant() != null
                && !signedIn.equals(request.applicant().iin())).ifPresent(signedIn -> {
            throw ProblemException.invalidField("applicant.iin", "not-signed-in-citizen",
                    "The applicant must be the citizen signed in at the front end (token claim iin)");
        });
        guards.limitCitizen(request.applicant() == null ? null : request.applicant().iin(), idempotencyKey);
        return submission.submit(request, idempotencyKey, caller.accountRef());
    }

    @GET
    @Path("/{receipt}")
    @RolesAllowed(Roles.FRONTEND)
    @Operation(summary = "Follow an appeal: where it stands and every step so far",
            description = "For the citizen who filed it: the token must carry the signed-in citizen's IIN (claim "
                    + "`iin`). Steps come from the lifecycle events (routed, redirected, taken into work, extended, "
                    + "answered, rated, reopened, escalated), so one may lag the office's action by a moment.")
    @APIResponse(responseCode = "200", description = "The appeal's timeline")
    @APIResponse(responseCode = "403", description = "The token names no citizen")
    @APIResponse(responseCode = "404", description = "This citizen has no appeal with this receipt number")
    public AppealTimelineView timeline(
            @PathParam("receipt") @Parameter(description = "Receipt number (or the appeal id)", example = "KZ26-0000001-F")
            String receipt) {
        String citizenIin = caller.citizenIin().orElseThrow(() -> ProblemException.forbidden(
                "citizen-required", "The token names no citizen",
                "Only the applicant may follow an appeal: the front end's token must carry their IIN (claim iin)."));
        return timeline.of(receipt, citizenIin);
    }
}
