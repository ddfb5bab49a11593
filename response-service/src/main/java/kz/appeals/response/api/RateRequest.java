package kz.appeals.response.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The applicant's rating of the latest answer. {@code applicantRef} is the applicant's pseudonym as intake issued it
 * (applicantRef of appeal.submitted), presented by the front end for the signed-in citizen.
 */
public record RateRequest(@NotNull @Pattern(regexp = "[0-9a-f]{64}") String applicantRef,
                          @NotNull Boolean satisfied,
                          @Size(min = 1, max = 2_000) String comment) {
}
