package kz.appeals.intake.open311.service;

import java.util.List;

/**
 * A request the GeoReport v2 standard answers with its error list: 400 for bad parameters, 403 for a missing or
 * unknown api_key, 404 for an unknown service, request or token. Each error's code is the HTTP status, as in the
 * standard's examples; the description names the offending parameter.
 */
public class GeoReportException extends RuntimeException {

    public record Error(int code, String description) {
    }

    private final int status;
    private final transient List<Error> errors;

    public GeoReportException(int status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.errors = descriptions.stream().map(description -> new Error(status, description)).toList();
    }

    public static GeoReportException badRequest(List<String> descriptions) {
        return new GeoReportException(400, descriptions);
    }

    public static GeoReportException badRequest(String description) {
        return badRequest(List.of(description));
    }

    public static GeoReportException forbidden(String description) {
        return new GeoReportException(403, List.of(description));
    }

    public static GeoReportException notFound(String description) {
        return new GeoReportException(404, List.of(description));
    }

    public int status() {
        return status;
    }

    public List<Error> errors() {
        return errors;
    }
}
