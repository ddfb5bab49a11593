package kz.appeals.response.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The head's reasoned decision to extend the term to {@code newDueDate} (APPK Art. 76). */
public record ExtendRequest(@NotNull LocalDate newDueDate, @NotBlank @Size(max = 2_000) String reason) {
}
