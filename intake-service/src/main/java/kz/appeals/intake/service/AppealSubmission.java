package kz.appeals.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.intake.api.AppealReceipt;
import kz.appeals.intake.api.SubmitAppealRequest;
import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.Applicant;
import kz.appeals.intake.domain.Attachment;
import kz.appeals.intake.domain.Category;
import kz.appeals.intake.domain.Iin;
import kz.appeals.intake.domain.KnownSettlement;
import kz.appeals.intake.domain.Publication;
import kz.appeals.intake.domain.ReceiptNumber;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.transaction.AfterCommit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers an appeal: validates what bean validation cannot see, applies the Idempotency-Key, stores the appeal
 * and its {@code submitted} event in one transaction. When this commits, the appeal is durable and its event will
 * be published even if the service dies the next moment.
 */
@ApplicationScoped
@Transactional
public class AppealSubmission {

    public record Outcome(AppealReceipt receipt, boolean created) {
    }

    private final AppealRepository appeals;
    private final SettlementRepository settlements;
    private final IdempotencyKeys idempotencyKeys;
    private final ApplicantPseudonyms pseudonyms;
    private final ApplicantVault vault;
    private final PersonalDataCipher cipher;
    private final CalendarInForce calendar;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;

    public AppealSubmission(AppealRepository appeals, SettlementRepository settlements,
                            IdempotencyKeys idempotencyKeys, ApplicantPseudonyms pseudonyms, ApplicantVault vault,
                            PersonalDataCipher cipher, CalendarInForce calendar, Outbox outbox, ObjectMapper json, Clock clock,
                            MeterRegistry metrics, TransactionSynchronizationRegistry transactions) {
        this.appeals = appeals;
        this.settlements = settlements;
        this.idempotencyKeys = idempotencyKeys;
        this.pseudonyms = pseudonyms;
        this.vault = vault;
        this.cipher = cipher;
        this.calendar = calendar;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    public Outcome submit(SubmitAppealRequest request, String idempotencyKey, String client) {
        rejectWhatTheRulesForbid(request);
        UUID appealId = UUID.randomUUID();
        if (idempotencyKey != null) {
            Optional<IdempotencyKeys.Claimed> earlier =
                    idempotencyKeys.claim(client, idempotencyKey, hash(request), appealId);
            if (earlier.isPresent()) {
                return new Outcome(replay(earlier.get(), hash(request)), false);
            }
        }
        Appeal appeal = register(appealId, request, client);
        outbox.record(submittedEvent(appeal));
        countWhenCommitted(appeal);
        return new Outcome(receiptOf(appeal), true);
    }

    private void countWhenCommitted(Appeal appeal) {
        Counter counter = metrics.counter("appeals.intake.submitted", "channel", appeal.channel,
                "category", appeal.categoryCode, "anonymous", Boolean.toString(appeal.anonymousSignal));
        AfterCommit.run(transactions, counter::increment);
    }

    private AppealReceipt replay(IdempotencyKeys.Claimed earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ProblemException(new Problem(Problem.typeUri("idempotency-key-reused"),
                    "Idempotency-Key already used for a different request", 422,
                    "Send a new Idempotency-Key for a new appeal; reuse a key only to retry the same request.",
                    null, List.of(new Problem.FieldError("Idempotency-Key", "reused", "Key bound to another body"))));
        }
        return appeals.findByIdOptional(earlier.appealId()).map(AppealSubmission::receiptOf)
                .orElseThrow(() -> new IllegalStateException("Idempotency key points to a missing appeal"));
    }

    private Appeal register(UUID appealId, SubmitAppealRequest request, String client) {
        Instant now = clock.instant();
        Appeal appeal = new Appeal();
        appeal.id = appealId;
        appeal.registeredAt = now;
        appeal.registrationDay = calendar.current().registrationDay(now);
        appeal.receiptNumber = ReceiptNumber.of(now.atOffset(ZoneOffset.ofHours(5)).getYear(),
                appeals.nextReceiptSequence());
        appeal.appealType = request.appealType();
        appeal.categoryCode = request.categoryCode();
        SubmitAppealRequest.Applicant applicant = request.applicant();
        // Everything that leaves intake is the public copy; the citizen's own words stay sealed for the office.
        List<String> names = applicant == null ? List.of() : List.of(applicant.fullName());
        appeal.description = PublicText.redact(request.description(), names);
        if (!appeal.description.equals(request.description())) {
            appeal.descriptionSealed = cipher.seal(request.description(), appealId);
        }
        appeal.publication = request.publicationOrDefault();
        appeal.language = request.language();
        appeal.katoCode = request.location().katoCode();
        appeal.latitude = request.location().latitude();
        appeal.longitude = request.location().longitude();
        appeal.addressText = PublicText.redact(request.location().addressText(), names);
        appeal.channel = request.channel();
        appeal.anonymousSignal = applicant == null;
        if (applicant != null) {
            appeal.applicantSealed = vault.seal(
                    new Applicant(applicant.iin(), applicant.fullName(), applicant.phone(), applicant.email()), appealId);
            appeal.applicantRef = pseudonyms.referenceFor(applicant.iin());
        }
        appeal.attachmentCount = request.attachments() == null ? 0 : request.attachments().size();
        appeal.attributes = request.attributes() == null ? Map.of() : Map.copyOf(request.attributes());
        appeal.submittedBy = client;
        appeals.persist(appeal);
        if (request.attachments() != null) {
            request.attachments().forEach(metadata -> {
                Attachment attachment = new Attachment();
                attachment.appealId = appealId;
                attachment.url = metadata.url();
                attachment.mediaType = metadata.mediaType();
                attachment.sizeBytes = metadata.sizeBytes();
                attachment.sha256 = metadata.sha256();
                appeals.getEntityManager().persist(attachment);
            });
        }
        return appeal;
    }

    private void rejectWhatTheRulesForbid(SubmitAppealRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<Category> category = Category.byCode(request.categoryCode());
        if (category.isEmpty()) {
            errors.add(new Problem.FieldError("categoryCode", "unknown", "Not a category of GET /api/v1/categories"));
        }
        category.ifPresent(known -> known.rejectedAttributes(request.attributes() == null ? Map.of() : request.attributes())
                .forEach((code, reason) -> errors.add(new Problem.FieldError("attributes." + code, reason,
                        "See the attributes of category " + known.code() + " in GET /api/v1/categories"))));
        if (request.applicant() == null) {
            boolean signal = request.appealType() == AppealType.REPORT
                    && category.map(Category::takesAnonymousSignals).orElse(false);
            if (!signal) {
                throw new ProblemException(new Problem(Problem.typeUri("anonymous-not-accepted"),
                        "Anonymous appeals are not considered", 422,
                        "An appeal must name its applicant. Only a REPORT in category public-safety (a crime being "
                                + "prepared or committed, a threat to state or public security) is taken without one.",
                        null, List.of(new Problem.FieldError("applicant", "required", "Who files the appeal"))));
            }
        } else {
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
            Optional<KnownSettlement> settlement = settlements.findByIdOptional(location.katoCode());
            if (settlement.isEmpty() || !settlement.get().acceptsAppealsOn(calendar.current().registrationDay(clock.instant()))) {
                errors.add(new Problem.FieldError("location.katoCode", "unknown",
                        "No settlement with this KATO code in the current classifier"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 422,
                    "Invalid fields: " + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()),
                    null, errors));
        }
    }

    private static AppealEvents.Submitted submittedEvent(Appeal appeal) {
        return new AppealEvents.Submitted(appeal.id, appeal.receiptNumber, appeal.appealType, appeal.categoryCode,
                appeal.description, appeal.language,
                new AppealEvents.Location(appeal.katoCode, appeal.latitude, appeal.longitude, appeal.addressText),
                appeal.channel, appeal.applicantRef, appeal.anonymousSignal, appeal.attachmentCount, appeal.registeredAt,
                appeal.registrationDay, appeal.registeredAt);
    }

    private static AppealReceipt receiptOf(Appeal appeal) {
        return new AppealReceipt(appeal.id, appeal.receiptNumber, appeal.registeredAt, appeal.registrationDay,
                "REGISTERED", appeal.applicantRef);
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
