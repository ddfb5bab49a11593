package kz.appeals.intake.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.intake.service.ApplicantDisclosure;
import kz.appeals.platform.http.QueryInstants;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

@Path("/api/v1/audit/personal-data-reads")
@Tag(name = "Audit", description = "Who read which applicant's personal data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataAuditResource {

    private final ApplicantDisclosure disclosure;

    public PersonalDataAuditResource(ApplicantDisclosure disclosure) {
        this.disclosure = disclosure;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Disclosures of applicants' personal data, newest first")
    public List<PersonalDataReadView> reads(
            @QueryParam("appeal") @Parameter(description = "Receipt number or appeal id; all appeals if absent") String appeal,
            @QueryParam("from") @Parameter(description = "ISO instant, inclusive; default: the beginning") String from,
            @QueryParam("to") @Parameter(description = "ISO instant, exclusive; default: now") String to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return disclosure.reads(appeal, QueryInstants.parse("from", from, Instant.EPOCH),
                QueryInstants.parse("to", to, Instant.now()), limit);
    }
}
