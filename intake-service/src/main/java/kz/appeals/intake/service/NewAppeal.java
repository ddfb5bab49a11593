package kz.appeals.intake.service;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.intake.api.SubmitAppealRequest.AttachmentMetadata;
import kz.appeals.intake.domain.Publication;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A submission checked, redacted and sealed on the request thread, waiting for the group commit that numbers and
 * stores it. Text fields hold the public copy; the citizen's own words are only in {@code descriptionSealed}.
 *
 * @param key      the Idempotency-Key claimed with it, or null
 * @param open311  the Open311 key and media_url it came with, or null for the REST API
 */
record NewAppeal(UUID id, AppealType appealType, String categoryCode, String description, byte[] descriptionSealed,
                 Publication publication, Language language, String katoCode, Double latitude, Double longitude,
                 String addressText, String channel, byte[] applicantSealed, String applicantRef,
                 Map<String, String> attributes, List<AttachmentMetadata> attachments, String submittedBy,
                 IdempotencyClaim key, AppealSubmission.Open311Source open311) {

    /** An Idempotency-Key as one client sent it, with the hash of the request it came with. */
    record IdempotencyClaim(String client, String key, String requestHash) {

        ClaimedKey id() {
            return new ClaimedKey(client, key);
        }
    }

    /** The primary key of {@code idempotency_key}. */
    record ClaimedKey(String client, String key) {
    }

    boolean anonymousSignal() {
        return applicantSealed == null;
    }
}
