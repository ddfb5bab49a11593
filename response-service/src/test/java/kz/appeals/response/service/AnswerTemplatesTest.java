package kz.appeals.response.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.response.domain.AnswerTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped templates: every outcome can be started from in Kazakh and Russian, and a category's own come first. */
class AnswerTemplatesTest {

    private final AnswerTemplates templates = new AnswerTemplates(new ObjectMapper());

    @Test
    void everyOutcomeHasAGeneralTemplateInKazakhAndRussian() {
        for (Language language : List.of(Language.kk, Language.ru)) {
            List<AnswerTemplate> general = templates.forCategory("other", language);
            for (Outcome outcome : Outcome.values()) {
                assertTrue(general.stream().anyMatch(t -> t.outcome() == outcome),
                        outcome + " in " + language);
            }
            assertTrue(general.stream().allMatch(t -> t.categoryCode().equals(AnswerTemplate.ANY_CATEGORY)));
        }
    }

    @Test
    void aCategorysOwnTemplatesComeFirstInTheAskedLanguage() {
        List<AnswerTemplate> roads = templates.forCategory("roads", Language.kk);
        assertEquals("roads", roads.get(0).categoryCode());
        assertTrue(roads.stream().allMatch(t -> t.language() == Language.kk));
        assertEquals(roads.size(), templates.forCategory("roads", Language.ru).size(),
                "each Kazakh template has its Russian counterpart");
        assertEquals(2 * roads.size(), templates.forCategory("roads", null).size());
    }
}
