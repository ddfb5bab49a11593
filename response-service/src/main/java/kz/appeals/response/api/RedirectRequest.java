package kz.appeals.response.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** "Not our competence": why, in words routing and the applicant will read. */
public record RedirectRequest(@NotBlank @Size(max = 2_000) String reason) {
}
