package kz.appeals.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details. {@code errors} names every invalid field with a machine-readable code so that a front
 * end can mark the field without parsing prose.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String code, String message) {
    }

    public static Problem of(int status, String typeSlug, String title, String detail) {
        return new Problem(typeUri(typeSlug), title, status, detail, null, List.of());
    }

    public static String typeUri(String slug) {
        return "https://appeals.kz/problems/" + slug;
    }

    public Problem withInstance(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, errors);
    }
}
