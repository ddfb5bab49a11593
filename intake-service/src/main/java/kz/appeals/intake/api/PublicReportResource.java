package kz.appeals.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.intake.service.PublicReportModeration;
import kz.appeals.intake.service.PublicReportModeration.PublicReport;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/public-reports/{receipt}")
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public reports", description = "Moderation of the public Open311 feed")
public class PublicReportResource {

    @Schema(description = "Absent fields are left as they are")
    public record ModerationRequest(
            @Schema(description = "false hides the report from the public feed, true shows it again") Boolean visible,
            @Size(max = 4000) @Schema(description = "The public text; personal data in it is masked as on filing")
            String description) {
    }

    private final PublicReportModeration moderation;

    public PublicReportResource(PublicReportModeration moderation) {
        this.moderation = moderation;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Hide, show or edit a published report",
            description = "Only a report its applicant chose to publish. Every change is in the audit trail "
                    + "(GET /api/v1/audit/changes, subject appeal:<receipt>); the applicant's own words stay sealed.")
    @APIResponse(responseCode = "200", description = "The report as the public now sees it")
    @APIResponse(responseCode = "404", description = "No published report with this receipt number")
    public PublicReport moderate(@PathParam("receipt") String receipt, @NotNull @Valid ModerationRequest request) {
        return moderation.moderate(receipt, request.visible(), request.description());
    }
}
