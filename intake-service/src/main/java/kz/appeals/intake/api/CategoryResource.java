package kz.appeals.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.domain.CategoryAttribute;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    public record CategoryView(String code, String nameKk, String nameRu, String nameEn,
                               @Schema(description = "What to ask the citizen beyond the common fields; send the "
                                       + "answers as `attributes` by code") List<CategoryAttribute> attributes,
                               @Schema(description = "An anonymous REPORT in this category is accepted as a signal")
                               boolean takesAnonymousSignals) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The catalogue of appeal categories, with names in kk/ru/en and the attributes to ask for")
    public List<CategoryView> list() {
        return Arrays.stream(Category.values())
                .map(c -> new CategoryView(c.code(), c.nameKk(), c.nameRu(), c.nameEn(), c.attributes(),
                        c.takesAnonymousSignals())).toList();
    }
}
