package kz.appeals.intake.open311.service;

import kz.appeals.intake.domain.AppealStep;

import java.time.Instant;
import java.util.UUID;

/** One public step of a published appeal, its text already masked: an update as the extension lists it. */
public record RequestUpdateRow(UUID updateId, String receiptNumber, AppealStep.Kind kind, Instant occurredAt,
                               String text) {

    /** Closed once answered (or found outside any body's competence), open again on reopening, as GET requests. */
    public boolean closes() {
        return kind == AppealStep.Kind.ANSWERED || kind == AppealStep.Kind.RATED
                || kind == AppealStep.Kind.OUTSIDE_COMPETENCE;
    }
}
