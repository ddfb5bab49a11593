package kz.appeals.intake.open311.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.open311.config.Open311Config;
import kz.appeals.intake.open311.domain.RequestWindow;
import kz.appeals.intake.open311.service.GeoReportException;
import kz.appeals.intake.open311.service.GeoReportSubmission;
import kz.appeals.intake.open311.service.ServiceRequestForm;
import kz.appeals.intake.open311.service.ServiceRequestSearch;
import kz.appeals.platform.http.AcceptableLanguages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): services are intake's categories, service requests
 * are appeals and their id is the receipt number. Every path ends in {@code .xml} or {@code .json}. Reading needs no
 * key; creating needs an {@code api_key}. Errors come as the standard's error list with 400, 403 or 404.
 */
@Path("/open311/v2")
@PermitAll
@Tag(name = "Open311 GeoReport v2", description = "The standard civic-issue API: XML or JSON by the path's extension")
public class GeoReportResource {

    /** The JSON form is documented; the XML form is the same tree (see {@link GeoReportRenderer}). */
    private static final String JSON = "application/json";
    private static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** When this endpoint's behaviour last changed, as the discovery document must say. */
    private static final String CHANGESET = "2026-11-22T00:00:00+05:00";
    /** The requested-time interval a search covered, ISO 8601 (start/end), so that an empty list says where. */
    static final String SEARCH_WINDOW = "X-Search-Window";
    /** Present when the list stopped at the standard's 1,000: older matches were left out. */
    static final String RESULT_LIMIT = "X-Result-Limit";

    private final GeoReportSubmission submission;
    private final ServiceRequestSearch search;
    private final GeoReportRenderer renderer;
    private final Open311Config config;

    public GeoReportResource(GeoReportSubmission submission, ServiceRequestSearch search, GeoReportRenderer renderer,
                             Open311Config config) {
        this.submission = submission;
        this.search = search;
        this.renderer = renderer;
        this.config = config;
    }

    @GET
    @Path("discovery.{format}")
    @APIResponse(responseCode = "200", description = "The discovery document", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = GeoReportViews.Discovery.class)))
    @Operation(summary = "Service discovery: where the endpoint is and which formats it speaks")
    public Response discovery(@PathParam("format") String format, @Context UriInfo uri) {
        String endpoint = uri.getBaseUriBuilder().path("open311/v2").build().toString();
        List<String> formats = Arrays.stream(GeoReportFormat.values()).map(GeoReportFormat::plainMediaType).toList();
        return renderer.ok(GeoReportFormat.of(format), "discovery", new GeoReportViews.Discovery(CHANGESET,
                config.contact(), config.keyService(), List.of(new GeoReportViews.Endpoint(SPECIFICATION, endpoint,
                CHANGESET, "production", formats))));
    }

    @GET
    @Path("services.{format}")
    @APIResponse(responseCode = "200", description = "The services", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.Service.class)))
    @Operation(summary = "The service list: intake's categories, named in the Accept-Language (kk, ru, en)")
    public Response services(@PathParam("format") String format, @Context HttpHeaders headers) {
        Language language = GeoReportMapping.language(AcceptableLanguages.of(headers));
        return renderer.ok(GeoReportFormat.of(format), "services", Arrays.stream(Category.values())
                .map(category -> GeoReportMapping.service(category, language)).toList());
    }

    @GET
    @Path("services/{service_code}.{format}")
    @APIResponse(responseCode = "200", description = "The definition", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = GeoReportViews.ServiceDefinition.class)))
    @APIResponse(responseCode = "404", description = "No such service (the error list)")
    @Operation(summary = "A service definition: the attributes to send as attribute[code] (iin is required)")
    public Response definition(@PathParam("service_code") String serviceCode, @PathParam("format") String format,
                               @Context HttpHeaders headers) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        Category category = Category.byCode(serviceCode)
                .orElseThrow(() -> GeoReportException.notFound("service_code: no service " + serviceCode));
        return renderer.ok(responseFormat, "service_definition",
                GeoReportMapping.definition(category, GeoReportMapping.language(AcceptableLanguages.of(headers))));
    }

    @POST
    @Path("requests.{format}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @APIResponse(responseCode = "201", description = "Filed: the appeal is durable",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.Created.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters, each named (the error list)")
    @APIResponse(responseCode = "403", description = "api_key missing, unknown or revoked (the error list)")
    @Operation(summary = "Create a service request: files an appeal; the answer carries its receipt number",
            description = "Form fields: api_key, service_code, lat+long or address_string or address_id (a 9-digit "
                    + "KATO settlement code), attribute[iin], phone (+7 and 10 digits), first_name, last_name, email, "
                    + "description, media_url, attribute[appeal_type], attribute[language], attribute[publication] "
                    + "(PUBLIC to appear in the public list with personal data masked; PRIVATE by default).")
    public Response create(@PathParam("format") String format, String form, @Context HttpHeaders headers) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        var receipt = submission.submit(ServiceRequestForm.of(FormFields.parse(form)));
        return renderer.render(responseFormat, 201, "service_requests", List.of(
                GeoReportMapping.created(receipt, GeoReportMapping.language(AcceptableLanguages.of(headers)))));
    }

    @GET
    @Path("tokens/{token_id}.{format}")
    @APIResponse(responseCode = "200", description = "The request the token stands for",
            content = @Content(mediaType = JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.Token.class)))
    @APIResponse(responseCode = "404", description = "No such token (the error list)")
    @Operation(summary = "Resolve a token: requests are created with their id at once, so the token is that id")
    public Response token(@PathParam("token_id") String token, @PathParam("format") String format) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        String id = search.byId(token).orElseThrow(() -> GeoReportException.notFound("token: no token " + token))
                .receiptNumber();
        return renderer.ok(responseFormat, "service_requests", List.of(new GeoReportViews.Token(id, token)));
    }

    @GET
    @Path("requests.{format}")
    @APIResponse(responseCode = "200", description = "The matching requests", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.ServiceRequest.class)))
    @APIResponse(responseCode = "400", description = "Invalid filters, each named (the error list)")
    @Operation(summary = "Search service requests: the last 90 days and at most 1,000, newest first, unless narrowed",
            description = "A lone start_date searches up to now, a lone end_date from the beginning. The answer's "
                    + "X-Search-Window header gives the interval searched; X-Result-Limit appears when the list "
                    + "stopped at 1,000.")
    public Response requests(
            @PathParam("format") String format,
            @QueryParam("service_request_id") @Parameter(description = "Comma list; overrides every other filter")
            List<String> serviceRequestIds,
            @QueryParam("service_code") @Parameter(description = "Comma list") List<String> serviceCodes,
            @QueryParam("start_date") @Parameter(description = "ISO 8601 with zone") String startDate,
            @QueryParam("end_date") @Parameter(description = "ISO 8601 with zone; at most 90 days after start_date")
            String endDate,
            @QueryParam("status") @Parameter(description = "open, closed or both (comma list)") List<String> status,
            @Context HttpHeaders headers) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        Language language = GeoReportMapping.language(AcceptableLanguages.of(headers));
        ServiceRequestSearch.Found found = search.search(commaList(serviceRequestIds), commaList(serviceCodes),
                startDate, endDate, commaList(status));
        Response.ResponseBuilder answer = Response.fromResponse(renderer.ok(responseFormat, "service_requests",
                found.rows().stream().map(row -> GeoReportMapping.request(row, language)).toList()));
        if (found.window() != null) {
            answer.header(SEARCH_WINDOW, GeoReportMapping.dateTime(found.window().from()) + "/"
                    + GeoReportMapping.dateTime(found.window().to()));
        }
        if (found.truncated()) {
            answer.header(RESULT_LIMIT, RequestWindow.MAX_RESULTS + " newest; narrow start_date and end_date for older");
        }
        return answer.build();
    }

    @GET
    @Path("servicerequestupdates.{format}")
    @APIResponse(responseCode = "200", description = "The updates", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.RequestUpdate.class)))
    @APIResponse(responseCode = "400", description = "Invalid dates (the error list)")
    @Operation(summary = "Updates of published requests (mySociety's servicerequestupdates extension)",
            description = "What FixMyStreet reads to show a report's progress: one update per step (routed, taken "
                    + "into work, extended, answered, rated, reopened, escalated, …) of the published requests, newest "
                    + "first, in the window of start_date and end_date (the rules of GET requests), with the text "
                    + "masked like status_notes.")
    public Response updates(@PathParam("format") String format,
                            @QueryParam("start_date") @Parameter(description = "ISO 8601 with zone") String startDate,
                            @QueryParam("end_date") @Parameter(description = "ISO 8601 with zone") String endDate) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        return renderer.ok(responseFormat, "service_request_updates", search.updates(startDate, endDate).stream()
                .map(GeoReportMapping::update).toList());
    }

    /** The standard lets a list filter be declared several times as well as comma delimited. */
    private static String commaList(List<String> declarations) {
        return declarations == null || declarations.isEmpty() ? null : String.join(",", declarations);
    }

    @GET
    @Path("requests/{service_request_id}.{format}")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(mediaType = JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = GeoReportViews.ServiceRequest.class)))
    @APIResponse(responseCode = "404", description = "No such request (the error list)")
    @Operation(summary = "One service request, as a list of one")
    public Response request(@PathParam("service_request_id") String id, @PathParam("format") String format,
                            @Context HttpHeaders headers) {
        GeoReportFormat responseFormat = GeoReportFormat.of(format);
        var row = search.byId(id)
                .orElseThrow(() -> GeoReportException.notFound("service_request_id: no service request " + id));
        return renderer.ok(responseFormat, "service_requests",
                List.of(GeoReportMapping.request(row, GeoReportMapping.language(AcceptableLanguages.of(headers)))));
    }
}
