package kz.appeals.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.service.GeoJson;
import kz.appeals.routing.service.ImportProgress;
import kz.appeals.routing.service.TabularFile;
import kz.appeals.routing.service.TerritoryCache;
import kz.appeals.routing.service.TerritoryDelivery;
import kz.appeals.routing.service.TerritoryImport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

@Path("/api/v1/admin/territory")
@Tag(name = "Territory administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TerritoryAdminResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EFFECTIVE = "Day from which this release is in force (YYYY-MM-DD, default today "
            + "in Kazakhstan); earlier routing keeps the versions it was decided with";

    private final TerritoryImport territoryImport;
    private final TerritoryCache cache;
    private final ImportProgress progress;
    private final AuditTrail audit;
    private final TerritoryDelivery delivery;

    public TerritoryAdminResource(TerritoryImport territoryImport, TerritoryCache cache, ImportProgress progress,
                                  AuditTrail audit, TerritoryDelivery delivery) {
        this.territoryImport = territoryImport;
        this.cache = cache;
        this.progress = progress;
        this.audit = audit;
        this.delivery = delivery;
    }

    @POST
    @Path("/import")
    @Operation(summary = "Load the bundled SAMPLE territory (source=sample)",
            description = "Synthetic region 99 — every district, rural district and settlement, akims and synthetic "
                    + "boundaries — labelled SAMPLE, for demos and tests; not the official classifier. In force from "
                    + "2025-01-01. Re-importing changes nothing.")
    public TerritoryImport.SampleResult importBundled(
            @QueryParam("source") @Parameter(description = "Only 'sample' is bundled") String source) {
        if (!"sample".equals(source)) {
            throw ProblemException.invalidField("source", "unknown",
                    "Only source=sample is bundled; upload a classifier file to /classifier");
        }
        return imported("sample", territoryImport.importSample());
    }

    @POST
    @Path("/classifier")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import the KATO classifier as CSV (columns te, ab, cd, ef, hij, k, name_kaz, name_rus, nn)",
            description = "Semicolon- or comma-separated, UTF-8. Units of the file's regions that it no longer lists "
                    + "are retired from effectiveFrom. A broken file is rejected whole, naming each row and column.")
    public TerritoryImport.Result importClassifierCsv(String csv,
                                                      @QueryParam("effectiveFrom") @Parameter(description = EFFECTIVE) String effectiveFrom,
                                                      @QueryParam("source") String source) {
        return imported("classifier", territoryImport.importClassifier(TabularFile.csv(new StringReader(csv)),
                sourceName(source, "classifier.csv"), day(effectiveFrom)));
    }

    @POST
    @Path("/classifier")
    @Consumes(XLSX)
    @Operation(summary = "Import the KATO classifier spreadsheet as the statistics bureau publishes it (.xlsx)",
            description = "First sheet; header row with te, ab, cd, ef, hij, k, name_kaz, name_rus, nn.")
    public TerritoryImport.Result importClassifierXlsx(InputStream xlsx,
                                                       @QueryParam("effectiveFrom") @Parameter(description = EFFECTIVE) String effectiveFrom,
                                                       @QueryParam("source") String source) {
        return imported("classifier", territoryImport.importClassifier(TabularFile.xlsx(xlsx),
                sourceName(source, "classifier.xlsx"), day(effectiveFrom)));
    }

    @POST
    @Path("/akims")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import the akims' register (rural_district_kato, akim_name, elected_since, population, "
            + "office_phone, office_email)")
    public TerritoryImport.Result importAkims(String csv,
                                              @QueryParam("effectiveFrom") @Parameter(description = EFFECTIVE) String effectiveFrom,
                                              @QueryParam("source") String source) {
        return imported("akims", territoryImport.importAkims(TabularFile.csv(new StringReader(csv)),
                sourceName(source, "akims.csv"), day(effectiveFrom)));
    }

    @POST
    @Path("/boundaries")
    @Consumes({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "Import boundaries (GeoJSON FeatureCollection of Polygons and MultiPolygons in WGS 84, as "
            + "OpenStreetMap publishes them)",
            description = "Each feature names its unit — region, district, city administration or rural-level unit — "
                    + "by KATO code (properties.kato or OpenStreetMap's ref:KATO), or by name (name, name:kk, name:ru) "
                    + "within the feature of the nearest higher admin_level that contains it. Each feature that cannot "
                    + "be imported gets one error naming its index and OpenStreetMap id; with badFeatures=skip the "
                    + "others are imported and the answer lists the errors in notImported.")
    public TerritoryImport.Result importBoundaries(InputStream geojson,
                                                   @QueryParam("effectiveFrom") @Parameter(description = EFFECTIVE) String effectiveFrom,
                                                   @QueryParam("source") String source,
                                                   @QueryParam("badFeatures") @Parameter(description = "reject "
                                                           + "(default): any bad feature rejects the whole file; skip: "
                                                           + "the good features are imported, each bad one listed")
                                                   String badFeatures) {
        return imported("boundaries", territoryImport.importBoundaries(GeoJson.read(geojson),
                sourceName(source, "boundaries.geojson"), day(effectiveFrom), badFeatures(badFeatures)));
    }

    @POST
    @Path("/republish")
    @Operation(summary = "Publish the territory in force again on appeals.territory, without a release",
            description = "Every unit and place as routing describes it today, for consumers whose copy predates a "
                    + "field (a unit's kind) or was lost. The reference does not change; the consumers' state "
                    + "converges on the records published now.")
    public TerritoryImport.Republished republish() {
        TerritoryImport.Republished republished = territoryImport.republish();
        audit.record("territory-republished", "territory:all", republished.toString());
        return republished;
    }

    @GET
    @Path("/import/progress")
    @Operation(summary = "Progress of the import running (or last run) in this instance")
    public ImportProgress.Snapshot progress() {
        return progress.current().orElseThrow(() -> ProblemException.notFound("No import since this instance started"));
    }

    @GET
    @Path("/delivery")
    @Operation(summary = "Whether every consumer of appeals.territory has what routing published",
            description = "Territory events still in routing's outbox, and for each consumer group configured in "
                    + "appeals.territory-delivery.consumer-groups (intake and analytics; an agency's group may be "
                    + "added) the records it has not yet confirmed by committing its position. everyConsumerHasIt "
                    + "is true once nothing waits and no group is behind: intake then accepts the codes an import "
                    + "added. 503 broker-unavailable when the broker does not answer.")
    public TerritoryDelivery.Delivery delivery() {
        return delivery.now();
    }

    /** An import commits in batches, so its audit entry follows it, once the whole file is in. */
    private <T> T imported(String kind, T result) {
        audit.record("territory-imported", "territory:" + kind, result.toString());
        cache.reload();
        return result;
    }

    private static TerritoryImport.BadFeatures badFeatures(String given) {
        if (given == null || given.isBlank() || given.equals("reject")) {
            return TerritoryImport.BadFeatures.REJECT;
        }
        if (given.equals("skip")) {
            return TerritoryImport.BadFeatures.SKIP;
        }
        throw ProblemException.invalidField("badFeatures", "enum", "badFeatures is reject or skip, not " + given);
    }

    private LocalDate day(String effectiveFrom) {
        if (effectiveFrom == null || effectiveFrom.isBlank()) {
            return territoryImport.today();
        }
        try {
            return LocalDate.parse(effectiveFrom);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("effectiveFrom", "date", "Not a date (YYYY-MM-DD): " + effectiveFrom);
        }
    }

    /** The release remembers where its file came from; the column holds 200 characters. */
    private static String sourceName(String given, String fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        return given.length() <= 200 ? given : given.substring(0, 200);
    }
}
