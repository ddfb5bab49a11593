package kz.appeals.intake.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What the citizen keeps: the receipt of APPK Art. 64. */
public record AppealReceipt(UUID appealId, String receiptNumber, Instant registeredAt, LocalDate registrationDay,
                            String status) {
}
