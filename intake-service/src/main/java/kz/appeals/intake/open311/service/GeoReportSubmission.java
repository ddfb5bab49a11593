package kz.appeals.intake.open311.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.api.AppealReceipt;
import kz.appeals.intake.api.SubmitAppealRequest;
import kz.appeals.intake.domain.Publication;
import kz.appeals.intake.open311.domain.ApiKey;
import kz.appeals.intake.open311.domain.ServiceAttribute;
import kz.appeals.intake.service.AppealSubmission;
import kz.appeals.intake.service.SubmissionLimits;
import kz.appeals.platform.http.StorableText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * POST requests: turns the GeoReport form into the appeal intake registers through its own submission (same rules,
 * same group commit; the submitted event and the Open311 origin in the appeal's transaction), and every rejection
 * into the standard's error list with the GeoReport parameter named. A rejected request stores and emits nothing.
 */
@ApplicationScoped
public class GeoReportSubmission {

    /** What the client channel is recorded as on the appeal and its event. */
    public static final String CHANNEL = "open311";

    /** Intake's field names (bean paths and problem fields) as the GeoReport parameters a client sent. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("categoryCode", "service_code"),
            Map.entry("description", "description"),
            Map.entry("appealType", ServiceAttribute.APPEAL_TYPE.formField()),
            Map.entry("language", ServiceAttribute.LANGUAGE.formField()),
            Map.entry("publication", ServiceAttribute.PUBLICATION.formField()),
            Map.entry("location", "lat/long, address_string or address_id"),
            Map.entry("location.katoCode", "address_id"),
            Map.entry("location.latitude", "lat"),
            Map.entry("location.longitude", "long"),
            Map.entry("location.inKazakhstan", "lat/long"),
            Map.entry("location.addressText", "address_string"),
            Map.entry("applicant.iin", ServiceAttribute.IIN.formField()),
            Map.entry("applicant.fullName", "first_name/last_name"),
            Map.entry("applicant.phone", "phone"),
            Map.entry("applicant.reachable", "phone/email"),
            Map.entry("applicant.email", "email"));

    /** Clearer words than a regular expression for the formats a client gets wrong most. */
    private static final Map<String, String> FORMAT_HINTS = Map.of(
            "applicant.phone", "must be +7 followed by 10 digits, e.g. +77011234567",
            "applicant.iin", "must be the 12 digits of an IIN",
            "location.katoCode", "must be a 9-digit KATO settlement code");

    private static final int MAX_MEDIA_URL = 2048;

    private final ApiKeys apiKeys;
    private final SubmissionLimits limits;
    private final AppealSubmission submission;
    private final Validator validator;

    public GeoReportSubmission(ApiKeys apiKeys, AppealSubmission submission, Validator validator,
                               SubmissionLimits limits) {
        this.apiKeys = apiKeys;
        this.limits = limits;
        this.submission = submission;
        this.validator = validator;
    }

    public AppealReceipt submit(ServiceRequestForm form) {
        ApiKey key = apiKeys.authenticate(form.apiKey()).orElseThrow(() -> GeoReportException.forbidden(
                form.apiKey() == null ? "api_key: required to create a service request"
                        : "api_key: not a valid key; ask the platform's administrator for one"));
        limits.limitClient("open311:" + key.id);
        List<String> errors = new ArrayList<>();
        unstorableText(form).forEach(errors::add);
        SubmitAppealRequest request = appealOf(form, errors);
        // Every error at once: the form's shape, and the rules on the fields whose shape is right.
        Set<ConstraintViolation<SubmitAppealRequest>> malformed = validator.validate(request);
        malformed.stream().map(GeoReportSubmission::describe).sorted().forEach(errors::add);
        Set<String> malformedFields = malformed.stream().map(violation -> beanPath(violation.getPropertyPath()))
                .collect(Collectors.toSet());
        submission.ruleErrors(request).stream().filter(error -> !malformedFields.contains(error.field()))
                .map(GeoReportSubmission::describe).forEach(errors::add);
        if (form.mediaUrl() != null && !isWebUrl(form.mediaUrl())) {
            errors.add("media_url: must be an http or https URL of at most " + MAX_MEDIA_URL + " characters (pattern)");
        }
        if (!errors.isEmpty()) {
            throw GeoReportException.badRequest(errors);
        }
        // Open311 has no Idempotency-Key: every POST is a new request, and counts.
        limits.limitCitizen(request.applicant().iin(), null);
        try {
            return submission.submit(request, null, key.submitter(),
                    new AppealSubmission.Open311Source(key.id, form.mediaUrl())).receipt();
        } catch (ProblemException e) {
            throw translate(e.problem(), e);
        }
    }

    /** XML 1.0 and PostgreSQL cannot carry every character a form may hold: refuse them, naming the parameter. */
    private static Stream<String> unstorableText(ServiceRequestForm form) {
        Map<String, String> fields = new java.util.TreeMap<>();
        fields.put("description", form.description());
        fields.put("first_name", form.firstName());
        fields.put("last_name", form.lastName());
        fields.put("email", form.email());
        fields.put("phone", form.phone());
        fields.put("address_string", form.addressString());
        fields.put("media_url", form.mediaUrl());
        form.attributes().forEach((code, value) -> fields.put("attribute[" + code + "]", value));
        return fields.entrySet().stream()
                .filter(field -> StorableText.problem(field.getValue()) != null)
                .map(field -> field.getKey() + ": " + StorableText.problem(field.getValue()) + " (character)");
    }

    private static SubmitAppealRequest appealOf(ServiceRequestForm form, List<String> errors) {
        Map<String, String> attributes = form.attributes();
        AppealType appealType = choice(attributes.get(ServiceAttribute.APPEAL_TYPE.code()),
                ServiceAttribute.APPEAL_TYPE, AppealType::valueOf, ServiceAttribute.DEFAULT_APPEAL_TYPE, errors);
        Language language = choice(attributes.get(ServiceAttribute.LANGUAGE.code()),
                ServiceAttribute.LANGUAGE, Language::valueOf, ServiceAttribute.DEFAULT_LANGUAGE, errors);
        Publication publication = choice(attributes.get(ServiceAttribute.PUBLICATION.code()),
                ServiceAttribute.PUBLICATION, Publication::valueOf, ServiceAttribute.DEFAULT_PUBLICATION, errors);
        String fullName = Stream.of(form.firstName(), form.lastName()).filter(Objects::nonNull)
                .map(String::strip).collect(Collectors.joining(" "));
        return new SubmitAppealRequest(appealType, form.serviceCode(), form.description(), language,
                new SubmitAppealRequest.Location(form.addressId(), number(form.lat(), "lat", errors),
                        number(form.lon(), "long", errors), form.addressString()),
                CHANNEL,
                new SubmitAppealRequest.Applicant(attributes.get(ServiceAttribute.IIN.code()),
                        fullName.isEmpty() ? null : fullName, form.phone(), form.email()),
                List.of(), categoryAttributes(attributes), publication);
    }

    /** The category's own attributes (GET /api/v1/categories): every attribute[...] but the three of Open311 here. */
    private static Map<String, String> categoryAttributes(Map<String, String> attributes) {
        Set<String> ours = Arrays.stream(ServiceAttribute.values()).map(ServiceAttribute::code).collect(Collectors.toSet());
        return attributes.entrySet().stream().filter(entry -> !ours.contains(entry.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static <E extends Enum<E>> E choice(String value, ServiceAttribute attribute, Function<String, E> parse,
                                                E absent, List<String> errors) {
        if (value == null) {
            return absent;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(attribute.formField() + ": must be one of "
                    + attribute.choices().stream().map(ServiceAttribute.Value::key).collect(Collectors.joining(", "))
                    + " (unknown)");
            return absent;
        }
    }

    private static Double number(String value, String parameter, List<String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add(parameter + ": must be a decimal number of degrees (WGS84) (type)");
            return null;
        }
    }

    private static boolean isWebUrl(String value) {
        if (value.length() > MAX_MEDIA_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String describe(ConstraintViolation<SubmitAppealRequest> violation) {
        String field = beanPath(violation.getPropertyPath());
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String code = switch (constraint) {
            case "NotNull", "NotBlank" -> "required";
            case "Size", "MaxCodePoints" -> "size";
            case "Pattern" -> "pattern";
            case "DecimalMin", "DecimalMax" -> "range";
            case "Email" -> "email";
            case "AssertTrue" -> "required";
            default -> constraint;
        };
        String message = code.equals("pattern") ? FORMAT_HINTS.getOrDefault(field, violation.getMessage())
                : constraint.equals("NotNull") || constraint.equals("NotBlank") ? "required" : violation.getMessage();
        return parameter(field) + ": " + message + " (" + code + ")";
    }

    private static String describe(Problem.FieldError error) {
        return parameter(error.field()) + ": " + error.message() + " (" + error.code() + ")";
    }

    private static String beanPath(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PROPERTY) {
                names.add(node.getName());
            }
        }
        return String.join(".", names);
    }

    private static String parameter(String field) {
        if (field.startsWith("attributes.")) {
            return "attribute[" + field.substring("attributes.".length()) + "]";
        }
        return PARAMETERS.getOrDefault(field, field);
    }

    /** The intake's own problem, said in GeoReport terms; a failure of intake itself stays a server error. */
    private static RuntimeException translate(Problem problem, ProblemException cause) {
        if (problem.status() >= 500) {
            return cause;
        }
        List<String> descriptions = problem.errors() == null || problem.errors().isEmpty()
                ? List.of(problem.detail() != null ? problem.detail() : problem.title())
                : problem.errors().stream().map(GeoReportSubmission::describe).toList();
        int status = Arrays.asList(403, 404).contains(problem.status()) ? problem.status() : 400;
        return new GeoReportException(status, descriptions);
    }
}
