package kz.appeals.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.http.QueryInstants;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** Every service's own audit trail ({@link AuditTrail}), for auditors only. */
@Path("/api/v1/audit/changes")
@Tag(name = "Audit", description = "Who changed what, and when")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    public AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Changes made through this service's API, newest first")
    public List<AuditTrail.Entry> changes(
            @QueryParam("subject") @Parameter(description = "kind:id, e.g. appeal:<uuid>; all if absent") String subject,
            @QueryParam("actor") @Parameter(description = "The acting account; all if absent") String actor,
            @QueryParam("from") @Parameter(description = "ISO instant, inclusive; default: the beginning") String from,
            @QueryParam("to") @Parameter(description = "ISO instant, exclusive; default: now") String to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return trail.search(blankToNull(subject), blankToNull(actor), QueryInstants.parse("from", from, Instant.EPOCH),
                QueryInstants.parse("to", to, Instant.now()), limit);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
