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
import kz.appeals.response.service.InboxFilter;
import kz.appeals.response.service.OfficeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/inbox")
@RolesAllowed({Roles.AKIM_OFFICE, Roles.DISTRICT_AKIMAT, Roles.REGION_AKIMAT, Roles.PRESIDENTIAL_ADMINISTRATION})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The appeals of the caller's body, or escalated to it, by deadline")
public class InboxResource {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    /** Three months of working days: further ahead than any term the law allows. */
    static final int MAX_DUE_WITHIN = 66;

    private final OfficeService office;
    private final OfficeScope scope;

    public InboxResource(OfficeService office, OfficeScope scope) {
        this.office = office;
        this.scope = scope;
    }

    @GET
    @Operation(summary = "List appeals by deadline (earliest due first), filtered and paginated",
            description = "An akim-office sees its body's appeals (the token's 'kato' claim). A district-akimat or "
                    + "region-akimat sees its district's or region's appeals and those escalated to it; the "
                    + "presidential-administration sees those escalated to it. Pages count from 0.")
    public InboxPage inbox(
            @Parameter(description = "Only appeals in this status", schema = @Schema(implementation = AppealStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only open appeals (ROUTED or IN_WORK)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("open") String open,
            @Parameter(description = "Only appeals of this category code") @QueryParam("category") String category,
            @Parameter(description = "Only open appeals due within this many working days from today (0: due today or overdue)",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "66"))
            @QueryParam("dueWithin") String dueWithin,
            @Parameter(description = "Only open appeals whose due date has passed", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("overdue") String overdue,
            @Parameter(description = "Only appeals escalated to a higher body", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("escalated") String escalated,
            @Parameter(description = "Only the appeal with this receipt number, as the citizen reads it out (e.g. "
                    + "KZ26-0000001-F); empty when the caller may not see it")
            @QueryParam("receipt") String receipt,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
            @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("size") String size) {
        InboxFilter filter = new InboxFilter(status(status), flag("open", open), category(category),
                dueWithin == null || dueWithin.isBlank() ? null : number("dueWithin", dueWithin, 0, 0, MAX_DUE_WITHIN),
                flag("overdue", overdue), flag("escalated", escalated), receipt(receipt));
        return office.inbox(scope.viewer(), filter, number("page", page, 0, 0, Integer.MAX_VALUE),
                number("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static String receipt(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String receipt = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!receipt.matches("[A-Z0-9-]{1,64}")) {
            throw badQuery("receipt", "pattern", "A receipt number is letters, digits and dashes, e.g. KZ26-0000001-F");
        }
        return receipt;
    }

        private static String category(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 64) {
            throw badQuery("category", "size", "At most 64 characters");
        }
        return value;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw badQuery(name, "type", "true or false");
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
