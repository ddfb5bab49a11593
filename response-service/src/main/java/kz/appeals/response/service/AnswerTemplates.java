package kz.appeals.response.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.response.domain.AnswerTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * The answer templates shipped with the service ({@code answer-templates/templates.json}), in Kazakh and Russian.
 * A category's own templates come before the general ones.
 */
@ApplicationScoped
public class AnswerTemplates {

    static final String RESOURCE = "/answer-templates/templates.json";

    private final List<AnswerTemplate> templates;

    public AnswerTemplates(ObjectMapper mapper) {
        this.templates = load(mapper);
    }

    /** @param language null for every language */
    public List<AnswerTemplate> forCategory(String categoryCode, Language language) {
        return templates.stream()
                .filter(template -> template.appliesTo(categoryCode))
                .filter(template -> language == null || template.language() == language)
                .sorted(Comparator.comparing(template -> AnswerTemplate.ANY_CATEGORY.equals(template.categoryCode())))
                .toList();
    }

    static List<AnswerTemplate> load(ObjectMapper mapper) {
        try (InputStream in = AnswerTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return List.copyOf(mapper.readValue(in, new TypeReference<List<AnswerTemplate>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
