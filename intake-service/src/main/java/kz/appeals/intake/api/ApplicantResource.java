package kz.appeals.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.intake.service.ApplicantDisclosure;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/appeals/{receipt}/applicant")
@Tag(name = "Applicant", description = "The applicant's contact data, for the body that must answer")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicantResource {

    private final ApplicantDisclosure disclosure;
    private final Caller caller;

    public ApplicantResource(ApplicantDisclosure disclosure, Caller caller) {
        this.disclosure = disclosure;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION})
    @Operation(summary = "The applicant's IIN, name, phone and e-mail and the appeal in their own words",
            description = "Only for the body that holds the appeal now (the token's `kato` claim is that body's "
                    + "territory). Every read is recorded for the auditor (GET /api/v1/audit/personal-data-reads).")
    @APIResponse(responseCode = "200", description = "The applicant")
    @APIResponse(responseCode = "404", description = "Your body does not hold this appeal, or it has no applicant")
    @APIResponse(responseCode = "410", description = "The retention period has erased the applicant")
    public ApplicantDisclosure.Disclosure applicant(@PathParam("receipt") String receipt) {
        return disclosure.disclose(receipt, caller);
    }
}
