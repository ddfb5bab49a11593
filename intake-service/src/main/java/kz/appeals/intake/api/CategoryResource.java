package kz.appeals.intake.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.intake.domain.Category;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;

@Path("/api/v1/categories")
@Tag(name = "Categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    public record CategoryView(String code, String nameKk, String nameRu, String nameEn) {
    }

    @GET
    @PermitAll
    @Operation(summary = "The catalogue of appeal categories, with names in kk/ru/en")
    public List<CategoryView> list() {
        return Arrays.stream(Category.values())
                .map(c -> new CategoryView(c.code(), c.nameKk(), c.nameRu(), c.nameEn())).toList();
    }
}
