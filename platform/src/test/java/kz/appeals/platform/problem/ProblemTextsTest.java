package kz.appeals.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Every problem title the platform knows exists in Kazakh, Russian and English alike, and every field message in
 * Kazakh and Russian (English field messages are the code's own).
 */
class ProblemTextsTest {

    @Test
    void everyTextIsInAllThreeLanguages() throws IOException {
        Set<String> titles = texts("en").stringPropertyNames();
        assertEquals(titles, withoutFieldMessages(texts("kk")), "kk titles are the en ones");
        assertEquals(titles, withoutFieldMessages(texts("ru")), "ru titles are the en ones");
        assertEquals(texts("kk").stringPropertyNames(), texts("ru").stringPropertyNames(), "kk and ru say the same");
    }

    private static Set<String> withoutFieldMessages(Properties texts) {
        return texts.stringPropertyNames().stream().filter(key -> !key.startsWith("field."))
                .collect(Collectors.toSet());
    }

    @Test
    void aProblemIsTitledInTheAskedLanguage() {
        Problem conflict = Problem.of(409, "already-rated", "Answer already rated", "detail");
        assertEquals("Ответ уже оценен", ProblemTexts.localize(conflict, "ru").title());
        assertEquals("Жауап бағаланып қойған", ProblemTexts.localize(conflict, "kk").title());
        assertNotEquals(conflict.title(), ProblemTexts.localize(conflict, "en").title());
        assertEquals("detail", ProblemTexts.localize(conflict, "kk").detail());
    }

    private static Properties texts(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemTexts.class.getResourceAsStream(
                "/META-INF/appeals/problem-texts_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
