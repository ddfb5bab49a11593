package kz.appeals.intake.open311.service;

import kz.appeals.intake.domain.CitizenStatus;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What GeoReport v2 shows of an appeal: read column by column, so the applicant's personal data is never even
 * loaded. Progress fields are null while no lifecycle event has come back; mediaUrl only for Open311 filings.
 */
public record ServiceRequestRow(String receiptNumber, String categoryCode, String description, String katoCode,
                                Double latitude, Double longitude, String addressText, Instant registeredAt,
                                LocalDate registrationDay,
                                CitizenStatus status, String bodyNameKk, String bodyNameRu, LocalDate dueOn,
                                String statusNotes, Instant updatedAt, String mediaUrl) {
}
