package kz.appeals.intake.api;

import java.time.Instant;

/** Who read an applicant's personal data, as the auditor sees it. */
public record PersonalDataReadView(String receiptNumber, String reader, String readerRoles, String readerKato,
                                   Instant readAt) {
}
