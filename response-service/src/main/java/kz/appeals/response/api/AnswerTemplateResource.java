package kz.appeals.response.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Roles;
import kz.appeals.response.domain.AnswerTemplate;
import kz.appeals.response.service.AnswerTemplates;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/answer-templates")
@RolesAllowed(Roles.AKIM_OFFICE)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Answer templates", description = "Texts a clerk can start an answer from, per category, in kk and ru")
public class AnswerTemplateResource {

    private final AnswerTemplates templates;

    public AnswerTemplateResource(AnswerTemplates templates) {
        this.templates = templates;
    }

    @GET
    @Operation(summary = "Templates for a category (its own first, then the general ones), optionally of one language")
    public List<AnswerTemplate> list(
            @Parameter(description = "Category code of the appeal, e.g. roads") @QueryParam("category") String category,
            @Parameter(description = "kk or ru; every language when absent",
                    schema = @Schema(implementation = Language.class)) @QueryParam("language") String language) {
        return templates.forCategory(category, language(language));
    }

    private static Language language(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Language.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 400,
                    "Invalid query parameter: language", null,
                    List.of(new Problem.FieldError("language", "pattern", "One of kk, ru, en"))));
        }
    }
}
