package kz.appeals.response.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.appeals.response.domain.AnswerText;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Outcome;

/** The office's decision on the appeal, in the language the applicant is answered in. */
public record AnswerRequest(@NotNull Outcome outcome,
                            @NotBlank @Size(min = 1, max = AnswerText.MAX_LENGTH) String text,
                            @NotNull Language language) {
}
