package kz.appeals.routing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.routing.service.TerritoryImport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.StringReader;

@Path("/api/v1/admin/territory")
@Tag(name = "Territory administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TerritoryAdminResource {

    private final TerritoryImport territoryImport;

    public TerritoryAdminResource(TerritoryImport territoryImport) {
        this.territoryImport = territoryImport;
    }

    @POST
    @Path("/import")
    @Operation(summary = "Load the bundled SAMPLE territory (source=sample)",
            description = "Synthetic region 99 with its districts, rural districts, settlements and akims, for "
                    + "demos and tests. Re-importing is harmless: only new or renamed settlements are republished.")
    public TerritoryImport.Result importBundled(
            @QueryParam("source") @Parameter(description = "Only 'sample' is bundled") String source) {
        if (!"sample".equals(source)) {
            throw ProblemException.invalidField("source", "unknown",
                    "Only source=sample is bundled; upload a classifier file to /classifier");
        }
        return territoryImport.importSample();
    }

    @POST
    @Path("/classifier")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import a KATO classifier file (semicolon-separated, columns te;ab;cd;ef;hij;k;name_kaz;name_rus;nn)")
    public TerritoryImport.Result importClassifier(String csv) {
        return territoryImport.importClassifier(new StringReader(csv));
    }

    @POST
    @Path("/akims")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import the akims' register (rural_district_kato;akim_name;elected_since;population;office_phone;office_email)")
    public TerritoryImport.Result importAkims(String csv) {
        return new TerritoryImport.Result(0, 0, territoryImport.importAkims(new StringReader(csv)));
    }
}
