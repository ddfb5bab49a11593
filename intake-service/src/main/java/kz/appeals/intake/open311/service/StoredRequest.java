package kz.appeals.intake.open311.service;

import kz.appeals.intake.domain.CitizenStatus;
import kz.appeals.intake.domain.Publication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An appeal as GeoReport reads it from the database, before {@link ServiceRequestSearch} decides what of it the
 * public may see: the sealed applicant is loaded only to mask their name in the office's answer. placeLatitude and
 * placeLongitude are the point routing published for the appeal's KATO code, if any.
 */
record StoredRequest(UUID appealId, Publication publication, byte[] applicantSealed, String receiptNumber,
                     String categoryCode, String description, String katoCode, Double latitude, Double longitude,
                     String addressText, Instant registeredAt, LocalDate registrationDay, CitizenStatus status, String bodyNameKk,
                     String bodyNameRu, LocalDate dueOn, String statusNotes, Instant updatedAt, String mediaUrl,
                     Double placeLatitude, Double placeLongitude) {
}
