package kz.appeals.response.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.response.domain.AppealStatus;
import kz.appeals.response.service.AppealViews.InboxPage;
import kz.appeals.response.service.OfficeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/inbox")
@RolesAllowed(Roles.AKIM_OFFICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Office inbox", description = "The appeals routed to the caller's body")
public class InboxResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    private final OfficeService office;
    private final OfficeScope scope;

    public InboxResource(OfficeService office, OfficeScope scope) {
        this.office = office;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "List the caller's body's appeals, oldest registration first",
            description = "Only appeals whose body has the KATO code of the token's 'kato' claim. Pages count from 0.")
    public InboxPage inbox(
            @Parameter(description = "Only appeals in this status", schema = @Schema(implementation = AppealStatus.class))
            @QueryParam("status") String status,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        return office.inbox(scope.katoCode(), status(status), number("page", page, 0, 0, Integer.MAX_VALUE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    // Parsed here rather than by JAX-RS, which answers an unconvertible query parameter with 404.
    private static AppealStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AppealStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            List<String> known = Arrays.stream(AppealStatus.values()).map(Enum::name).toList();
            throw badQuery("status", "pattern", "One of " + known);
        }
    }

    private static int number(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            throw badQuery(name, "type", "An integer from " + min + " to " + max);
        }
        throw badQuery(name, "range", "An integer from " + min + " to " + max);
    }

    private static ProblemException badQuery(String name, String code, String message) {
        return new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 400,
                "Invalid query parameter: " + name, null, List.of(new Problem.FieldError(name, code, message))));
    }
}
