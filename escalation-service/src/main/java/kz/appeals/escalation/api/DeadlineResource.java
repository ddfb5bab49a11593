package kz.appeals.escalation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.escalation.service.DeadlineQueries;
import kz.appeals.escalation.service.DeadlineQueries.DeadlineView;
import kz.appeals.escalation.service.DeadlineReader;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * The statutory clock of an appeal, read within the caller's scope ({@link DeadlineReader}): a deadline outside it
 * answers 404 like one that does not exist, and is left out of the overdue list.
 */
@Path("/api/v1/deadlines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deadlines", description = "Due dates, warnings and escalation of appeals under APPK Art. 76 and 91")
public class DeadlineResource {

    /** Roles that read every body's deadlines, so are not limited to the KATO code in their token. */
    private static final List<String> NATIONWIDE_ROLES = List.of(Roles.PRESIDENTIAL_ADMINISTRATION, Roles.ANALYST,
            Roles.ADMIN);

    private final DeadlineQueries queries;
    private final Caller caller;

    public DeadlineResource(DeadlineQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/{appealId}")
    @RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION,
            Roles.ANALYST, Roles.ADMIN})
    @Operation(summary = "The appeal's due date, status, working days left and answer cycle")
    public DeadlineView deadline(@PathParam("appealId") UUID appealId) {
        return queries.find(appealId, reader())
                .orElseThrow(() -> ProblemException.notFound("No deadline for appeal " + appealId));
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION, Roles.ANALYST,
            Roles.ADMIN})
    @Operation(summary = "Unanswered appeals of a district or region whose term lapsed (oldest due date first, at "
            + "most 500)")
    public List<DeadlineView> overdue(@QueryParam("kato") String kato) {
        if (kato == null || !kato.matches("\\d{9}")) {
            throw ProblemException.invalidField("kato", "pattern",
                    "kato must be the 9-digit KATO code of a district or region");
        }
        return queries.overdue(kato, reader());
    }

    /** The broadest scope among the caller's roles; a territorial one needs the body's code in the token. */
    private DeadlineReader reader() {
        if (NATIONWIDE_ROLES.stream().anyMatch(caller::hasRole)) {
            return DeadlineReader.NATIONWIDE;
        }
        DeadlineReader.Scope scope = caller.hasRole(Roles.REGION_AKIMAT) ? DeadlineReader.Scope.REGION_AKIMAT
                : caller.hasRole(Roles.DISTRICT_AKIMAT) ? DeadlineReader.Scope.DISTRICT_AKIMAT
                : DeadlineReader.Scope.OFFICE;
        return new DeadlineReader(scope, caller.katoCode()
                .filter(code -> code.matches("\\d{9}"))
                .orElseThrow(() -> new ProblemException(Problem.of(403, "no-office", "Forbidden",
                        "The token carries no 9-digit '" + Caller.KATO_CLAIM + "' claim naming the caller's body"))));
    }
}
