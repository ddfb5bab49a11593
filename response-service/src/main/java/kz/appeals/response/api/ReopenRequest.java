package kz.appeals.response.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The applicant sends an unsatisfying answer back for a new cycle; {@code applicantRef} as in {@link RateRequest}. */
public record ReopenRequest(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String applicantRef,
                            @Size(min = 1, max = 2_000) String reason) {
}
