package kz.appeals.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.intake.api.AppealReceipt;
import kz.appeals.intake.api.SubmitAppealRequest;
import kz.appeals.intake.domain.Applicant;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.domain.Iin;
import kz.appeals.intake.domain.KnownSettlement;
import kz.appeals.platform.calendar.CalendarInForce;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.problem.ProblemMappers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Registers an appeal. On the request thread: the rules bean validation cannot see, the public copy of the text, the
 * sealed applicant and original words, the request's hash for the Idempotency-Key; then {@link GroupCommit} stores it
 * with the submissions queued beside it, the key and the {@code submitted} event in the same transaction. When this
 * returns, the appeal is durable and its event will be published even if the service dies the next moment.
 */
@ApplicationScoped
public class AppealSubmission {

    public record Outcome(AppealReceipt receipt, boolean created) {
    }

    /** An appeal filed by an Open311 client: its key, and the media_url it sent. */
    public record Open311Source(UUID apiKeyId, String mediaUrl) {
    }

    /** The rules' one error of an anonymous appeal that is not a public-safety report. */
    private static final Problem.FieldError ANONYMOUS = new Problem.FieldError("applicant", "required",
            "Who files the appeal: only a REPORT in category public-safety is taken without one");

    private final KnownSettlements settlements;
    private final ApplicantPseudonyms pseudonyms;
    private final ApplicantVault vault;
    private final PersonalDataCipher cipher;
    private final CalendarInForce calendar;
    private final GroupCommit groupCommit;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    public AppealSubmission(KnownSettlements settlements, ApplicantPseudonyms pseudonyms, ApplicantVault vault,
                            PersonalDataCipher cipher, CalendarInForce calendar, GroupCommit groupCommit,
                            ObjectMapper json, Validator validator, Clock clock) {
        this.settlements = settlements;
        this.pseudonyms = pseudonyms;
        this.vault = vault;
        this.cipher = cipher;
        this.calendar = calendar;
        this.groupCommit = groupCommit;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Queues a request {@link #refuseInvalid} let through for the next group commit; the outcome completes once it is
     * durable (or refused), on the group commit's thread, so the caller's thread does not wait.
     */
    public CompletableFuture<Outcome> submit(SubmitAppealRequest request, String idempotencyKey, String client) {
        return groupCommit.enqueue(prepare(UUID.randomUUID(), request, client, claim(request, idempotencyKey, client),
                null));
    }


    /**
     * Stores a request whose errors were asked for first ({@link #refuseInvalid}, or bean validation and
     * {@link #ruleErrors}): each caller checks once, before its own guards.
     *
     * @param open311 where an Open311 client's appeal came from, stored with it; null for the REST API
     */
    public Outcome submit(SubmitAppealRequest request, String idempotencyKey, String client, Open311Source open311) {
        return groupCommit.store(prepare(UUID.randomUUID(), request, client, claim(request, idempotencyKey, client),
                open311));
    }

    private NewAppeal.IdempotencyClaim claim(SubmitAppealRequest request, String idempotencyKey, String client) {
        return idempotencyKey == null ? null : new NewAppeal.IdempotencyClaim(client, idempotencyKey, hash(request));
    }

    private NewAppeal prepare(UUID appealId, SubmitAppealRequest request, String client,
                              NewAppeal.IdempotencyClaim key, Open311Source open311) {
        SubmitAppealRequest.Applicant applicant = request.applicant();
        // Everything that leaves intake is the public copy; the citizen's own words stay sealed for the office.
        List<String> names = applicant == null ? List.of() : List.of(applicant.fullName());
        String description = PublicText.redact(request.description(), names);
        byte[] descriptionSealed = description.equals(request.description()) ? null
                : cipher.seal(request.description(), appealId);
        SubmitAppealRequest.Location location = request.location();
        return new NewAppeal(appealId, request.appealType(), request.categoryCode(), description, descriptionSealed,
                request.publicationOrDefault(), request.language(), location.katoCode(), location.latitude(),
                location.longitude(), PublicText.redact(location.addressText(), names), request.channel(),
                applicant == null ? null : vault.seal(new Applicant(applicant.iin(), applicant.fullName(),
                        applicant.phone(), applicant.email()), appealId),
                applicant == null ? null : pseudonyms.referenceFor(applicant.iin()),
                request.attributes() == null ? Map.of() : Map.copyOf(request.attributes()),
                request.attachments() == null ? List.of() : List.copyOf(request.attachments()),
                client, key, open311);
    }

    /**
     * Every error of a request in one answer: the shape bean validation checks (400), and with it whatever the rules
     * say of the fields that have a shape to judge; only a well-formed request reaches the rules alone (422).
     */
    public void refuseInvalid(SubmitAppealRequest request) {
        List<Problem.FieldError> malformed = malformed(request);
        List<Problem.FieldError> broken = ruleErrors(request, malformed);
        if (!malformed.isEmpty()) {
            throw invalid(400, Stream.concat(malformed.stream(), broken.stream()).toList());
        }
        if (broken.equals(List.of(ANONYMOUS))) {
            throw new ProblemException(new Problem(Problem.typeUri("anonymous-not-accepted"),
                    "Anonymous appeals are not considered", 422,
                    "An appeal must name its applicant. Only a REPORT in category public-safety (a crime being "
                            + "prepared or committed, a threat to state or public security) is taken without one.",
                    null, List.of(new Problem.FieldError("applicant", "required", "Who files the appeal"))));
        }
        if (!broken.isEmpty()) {
            throw invalid(422, broken);
        }
    }

    private static ProblemException invalid(int status, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", status,
                "Invalid fields: " + String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList()),
                null, errors));
    }

    private List<Problem.FieldError> malformed(SubmitAppealRequest request) {
        return validator.validate(request).stream().map(ProblemMappers::fieldError)
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
    }

    /** The rules' errors on the fields whose shape is right: a field malformed is reported once, as malformed. */
    private List<Problem.FieldError> ruleErrors(SubmitAppealRequest request, List<Problem.FieldError> malformed) {
        return ruleErrors(request).stream()
                .filter(error -> malformed.stream().noneMatch(bad -> bad.field().equals(error.field()))).toList();
    }

    /**
     * The rules bean validation cannot see, as field errors. Safe on a request that failed bean validation: a field
     * missing there is left to that check.
     */
    public List<Problem.FieldError> ruleErrors(SubmitAppealRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Category> category = Category.byCode(request.categoryCode());
        if (request.categoryCode() != null && category.isEmpty()) {
            errors.add(new Problem.FieldError("categoryCode", "unknown", "Not a category of GET /api/v1/categories"));
        }
        category.ifPresent(known -> known.rejectedAttributes(request.attributes() == null ? Map.of() : request.attributes())
                .forEach((code, reason) -> errors.add(new Problem.FieldError("attributes." + code, reason,
                        "See the attributes of category " + known.code() + " in GET /api/v1/categories"))));
        if (request.applicant() == null) {
            boolean signal = request.appealType() == AppealType.REPORT
                    && category.map(Category::takesAnonymousSignals).orElse(false);
            if (!signal) {
                errors.add(ANONYMOUS);
            }
        } else if (request.applicant().iin() != null) {
            Iin.check(request.applicant().iin()).ifPresent(problem -> errors.add(new Problem.FieldError(
                    "applicant.iin", "iin-" + problem.name().toLowerCase().replace('_', '-'), "Not a valid IIN")));
        }
        if (!request.publicationOrDefault().isApplicantChoice()) {
            errors.add(new Problem.FieldError("publication", "unknown", "PUBLIC or PRIVATE"));
        }
        if (request.description() != null && PublicText.redact(request.description()).isBlank()) {
            errors.add(new Problem.FieldError("description", "blank", "Say what the appeal is about"));
        }
        SubmitAppealRequest.Location location = request.location();
        if (location == null) {
            return errors;
        }
        boolean hasCoordinates = location.latitude() != null && location.longitude() != null;
        if (location.katoCode() == null && !hasCoordinates
                && (location.addressText() == null || location.addressText().isBlank())) {
            errors.add(new Problem.FieldError("location", "required",
                    "Give a KATO code, coordinates (latitude and longitude) or an address"));
        }
        if ((location.latitude() == null) != (location.longitude() == null)) {
            errors.add(new Problem.FieldError("location", "coordinates-incomplete",
                    "Latitude and longitude go together"));
        }
        if (location.katoCode() != null) {
            Optional<KnownSettlement> settlement = settlements.find(location.katoCode());
            if (settlement.isEmpty() || !settlement.get().acceptsAppealsOn(calendar.current().registrationDay(clock.instant()))) {
                errors.add(new Problem.FieldError("location.katoCode", "unknown",
                        "No place (settlement, town or city) with this KATO code in the current classifier"));
            }
        }
        return errors;
    }

    private String hash(SubmitAppealRequest request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }
}
