package kz.appeals.intake.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the citizen keeps: the receipt of APPK Art. 64. */
public record AppealReceipt(UUID appealId, String receiptNumber, Instant registeredAt, LocalDate registrationDay,
                            String status,
                            @Schema(description = "The applicant's pseudonymous reference, as the events carry it; "
                                    + "the front end sends it when the citizen rates or reopens the answer "
                                    + "(response-service). Absent for an anonymous signal.") String applicantRef) {
}
