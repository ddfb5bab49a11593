package kz.appeals.intake.open311.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.intake.open311.service.ApiKeys;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/admin/open311-keys")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Open311 API keys", description = "Keys that let Open311 clients create service requests")
public class ApiKeyAdminResource {

    public record IssueKeyRequest(
            @NotBlank @Size(max = 100) @Schema(description = "Who the key is for", example = "FixMyStreet Almaty")
            String clientName) {
    }

    private final ApiKeys apiKeys;
    private final Caller caller;

    public ApiKeyAdminResource(ApiKeys apiKeys, Caller caller) {
        this.apiKeys = apiKeys;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a key",
            description = "The answer is the only time the key is shown: only its hash is kept.")
    public Response issue(@NotNull @Valid IssueKeyRequest request, UriInfo uri) {
        ApiKeys.Issued issued = apiKeys.issue(request.clientName().strip(), caller.accountRef());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.id().toString()).build()).entity(issued)
                .build();
    }

    @GET
    @Operation(summary = "Every key issued, with who issued and who revoked it")
    public List<ApiKeys.KeyInfo> list() {
        return apiKeys.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke a key: from now on it is refused with 403")
    public ApiKeys.KeyInfo revoke(@PathParam("id") UUID id) {
        return apiKeys.revoke(id, caller.accountRef());
    }
}
