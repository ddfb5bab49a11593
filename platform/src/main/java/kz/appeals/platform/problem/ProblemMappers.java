package kz.appeals.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import kz.appeals.platform.http.AcceptableLanguages;
import kz.appeals.platform.http.StrictJson;
import kz.appeals.platform.transaction.DatabaseUnavailable;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves every service as {@code application/problem+json}; nothing internal leaks into it. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** A PostgreSQL restart or failover takes seconds; asking sooner only adds load to the recovery. */
    private static final int DATABASE_RETRY_AFTER_SECONDS = 5;
    private static final int BUSY_RETRY_AFTER_SECONDS = 2;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return respond(e.problem(), uri, headers);
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(new Problem(Problem.typeUri("validation"), "Request is not valid", 400,
                "Invalid fields: " + fields, null, errors), uri, headers);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri, HttpHeaders headers) {
        return respond(new Problem(Problem.typeUri("malformed-json"), "Body is not valid JSON", 400,
                e.getOriginalMessage(), null, List.of()), uri, headers);
    }

    /** Declared for this exact type because Quarkus ships its own mapper for it, which would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri, HttpHeaders headers) {
        return wrongJsonShape(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response wrongJsonShape(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        // A refusal raised while the body was being read (a body over its limit) is that refusal, not a bad field.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException refusal) {
                return web(refusal, uri, headers);
            }
        }
        String field = jsonPath(e);
        String code = e instanceof UnrecognizedPropertyException ? "unknown"
                : e instanceof StrictJson.ForbiddenCharacterException ? "character"
                : e instanceof InvalidFormatException || e instanceof MismatchedInputException ? "type" : "invalid";
        String message = e instanceof UnrecognizedPropertyException ? "Unknown field"
                : e instanceof StrictJson.ForbiddenCharacterException ? e.getOriginalMessage()
                : "Wrong type or format";
        return respond(new Problem(Problem.typeUri("validation"), "Request is not valid", 400,
                message + ": " + field, null, List.of(new Problem.FieldError(field, code, message))), uri, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri, headers);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return wrongJsonShape(mapping, uri, headers);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Problem problem = Problem.of(status, slug(title), title, status >= 500 ? null : e.getMessage());
        Response.ResponseBuilder builder = localized(problem, uri, headers);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /**
     * No token, or one the security layer refused (garbage, forged, expired, foreign issuer): 401 with the Bearer
     * challenge RFC 6750 asks for, and the same problem body as every other error.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri, HttpHeaders headers,
                                    HttpServerResponse response) {
        boolean refused = e instanceof AuthenticationFailedException;
        // The security layer has already put its own bare challenge on the response: one challenge, this one.
        response.headers().remove(HttpHeaders.WWW_AUTHENTICATE);
        Problem problem = Problem.of(401, "unauthorized", "Authentication required", refused
                ? "The bearer token was refused: it is malformed, expired, or not signed by the expected issuer"
                : "This operation needs a bearer token");
        return localized(problem, uri, headers)
                .header(HttpHeaders.WWW_AUTHENTICATE, refused ? "Bearer error=\"invalid_token\"" : "Bearer")
                .build();
    }

    /** A valid token whose roles (or office) do not allow the operation. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of(403, "forbidden", "Not allowed for this caller",
                "The token's role does not allow this operation"), uri, headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (unstorableText(e)) {
            return respond(Problem.of(400, "unstorable-text", "Request is not valid",
                    "The request holds a character that cannot be stored (such as U+0000)"), uri, headers);
        }
        if (DatabaseUnavailable.poolExhausted(e)) {
            LOG.warnf("No database connection free in time; %s answered 503", uri.getPath());
            return localized(Problem.of(503, "service-busy", "Service busy",
                            "Every database connection stayed busy for longer than the pool waits. Retry after a "
                                    + "moment, with the same Idempotency-Key for a submission: it is then stored once, "
                                    + "whether or not this attempt was."),
                    uri, headers).header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseUnavailable.unreachable(e)) {
            LOG.warnf("The database is unreachable; %s %s answered 503: %s", uri.getPath(), e.getClass().getName(),
                    rootMessage(e));
            return localized(Problem.of(503, "database-unavailable", "Service temporarily unavailable",
                            "The database cannot be reached. Retry after a few seconds, with the same Idempotency-Key "
                                    + "for a submission: it is then stored once, whether or not this attempt was."),
                    uri, headers).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of(500, "internal", "Internal error",
                "The request could not be completed; it may be retried with the same Idempotency-Key."), uri, headers);
    }

    /**
     * PostgreSQL refuses U+0000 in text (SQLSTATE 22021) and characters its encoding lacks (22P05). Only the client's
     * input can carry them, and checking every string of every request for them would be easy to forget somewhere:
     * the database's refusal, after which the transaction has rolled back, is the check.
     */
    private static boolean unstorableText(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState())
                    || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    /** The problem as problem+json with its title in the client's language; services' own mappers use it too. */
    public static Response respond(Problem problem, UriInfo uri, HttpHeaders headers) {
        return localized(problem, uri, headers).build();
    }

    /**
     * Title and field messages in the client's language (kk, ru or en), said in Content-Language; type, codes and
     * detail stay as they are. For a service's own mappers too, so that every problem speaks the same languages.
     */
    public static Response.ResponseBuilder localized(Problem problem, UriInfo uri, HttpHeaders headers) {
        String language = ProblemTexts.languageFor(AcceptableLanguages.of(headers));
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).language(language)
                .entity(ProblemTexts.localize(problem.withInstance(uri.getPath()), language));
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A violation as the field error every problem lists: its bean path, a short code, the message. */
    public static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
        return new Problem.FieldError(fieldName(violation), code(violation), violation.getMessage());
    }

    /** The bean path without the resource method and parameter names, e.g. {@code applicant.iin}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        return names.isEmpty() ? "body" : String.join(".", names);
    }

    private static String code(ConstraintViolation<?> violation) {
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "MaxCodePoints" -> "size";
            case "Pattern" -> "pattern";
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero" -> "range";
            case "Email" -> "email";
            default -> Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
        };
    }
}
