package kz.appeals.response.domain;

import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Language;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Routing's decision that {@code bodyCode} must answer the appeal, with the summary its inbox shows. Built from a
 * routed or redirected event; {@code occurredAt} orders decisions about the same appeal. {@code issueId} is routing's
 * grouping of related appeals (same category within 250 m, or the same settlement), absent when it grouped none.
 */
public record Assignment(Kind kind, UUID appealId, String receiptNumber, String bodyCode, String bodyKato,
                         String ruralDistrictKato, String districtKato, String regionKato, String categoryCode,
                         AppealType appealType, Language language, String description, LocalDate registrationDay,
                         String reason, String actor, Instant occurredAt, UUID issueId) {

    public enum Kind {ROUTED, REDIRECTED}

    public Assignment {
        // The database keeps microseconds; comparing at that precision makes a redelivered event equal to the
        // stored one instead of a few nanoseconds "newer".
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
    }
}
