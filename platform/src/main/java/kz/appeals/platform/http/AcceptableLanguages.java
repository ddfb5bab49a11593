package kz.appeals.platform.http;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.List;
import java.util.Locale;

/**
 * The request's {@code Accept-Language} preferences, read so that a header which does not parse (a weight above 1,
 * a weight that is no number) counts as absent instead of failing the request: the language of an answer is a
 * preference, and RFC 9110 lets a server ignore the header.
 */
public final class AcceptableLanguages {

    private AcceptableLanguages() {
    }

    public static List<Locale> of(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException malformedHeader) {
            return List.of();
        }
    }
}
