package kz.appeals.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Problem titles and field-error messages in Kazakh, Russian and English, chosen by the request's
 * {@code Accept-Language}. Texts live in {@code META-INF/appeals/problem-texts_<language>.properties}; every module
 * on the class path may ship such files and they are merged, so a service adds its own problem types.
 */
public final class ProblemTexts {

    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    /** Without an acceptable language, English: the API's own language and its documentation's. */
    public static final String DEFAULT_LANGUAGE = "en";
    private static final String FIELD_PREFIX = "field.";
    private static final Map<String, Map<String, String>> TEXTS = load();

    private ProblemTexts() {
    }

    /** The first of kk, ru, en that the client accepts, in the client's order of preference. */
    public static String languageFor(List<Locale> acceptable) {
        return acceptable.stream().map(Locale::getLanguage).filter(LANGUAGES::contains).findFirst()
                .orElse(DEFAULT_LANGUAGE);
    }

    public static Problem localize(Problem problem, String language) {
        Map<String, String> texts = TEXTS.getOrDefault(language, Map.of());
        String slug = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        List<Problem.FieldError> errors = problem.errors() == null ? List.of() : problem.errors().stream()
                .map(error -> new Problem.FieldError(error.field(), error.code(),
                        texts.getOrDefault(FIELD_PREFIX + error.code(), error.message())))
                .toList();
        return new Problem(problem.type(), texts.getOrDefault(slug, problem.title()), problem.status(),
                problem.detail(), problem.instance(), errors);
    }

    private static Map<String, Map<String, String>> load() {
        Map<String, Map<String, String>> texts = new HashMap<>();
        ClassLoader loader = ProblemTexts.class.getClassLoader();
        for (String language : LANGUAGES) {
            Map<String, String> merged = new HashMap<>();
            try {
                Enumeration<URL> files = loader.getResources("META-INF/appeals/problem-texts_" + language + ".properties");
                while (files.hasMoreElements()) {
                    Properties properties = new Properties();
                    try (InputStream in = files.nextElement().openStream()) {
                        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    properties.forEach((key, value) -> merged.put((String) key, (String) value));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the problem texts", e);
            }
            texts.put(language, Map.copyOf(merged));
        }
        return Map.copyOf(texts);
    }
}
