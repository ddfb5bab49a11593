package kz.appeals.intake.api;

import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.AppealProgress;
import kz.appeals.intake.domain.AppealStep;
import kz.appeals.intake.domain.CitizenStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Schema(description = "An appeal as its applicant follows it: the receipt, where it stands now, and every step so far")
public record AppealTimelineView(
        UUID appealId,
        String receiptNumber,
        Instant registeredAt,
        @Schema(description = "Working day the terms count from (APPK Art. 64)") LocalDate registrationDay,
        CitizenStatus status,
        @Schema(description = "The body that must answer now; null until routed") BodyView body,
        @Schema(description = "The day the answer is due; null until a body has the appeal") LocalDate dueOn,
        @Schema(description = "1, then +1 for each reopening") int cycle,
        List<StepView> steps) {

    public record BodyView(String code, String nameKk, String nameRu) {
    }

    @Schema(description = "One step; fields that do not apply to its kind are null")
    public record StepView(AppealStep.Kind kind, Instant occurredAt, BodyView body,
                           @Schema(description = "New deadline set by this step") LocalDate dueOn,
                           @Schema(description = "Answer outcome") String outcome,
                           @Schema(description = "The citizen's rating") Boolean satisfied,
                           @Schema(description = "Answer text, reason of an extension or redirect, citizen's comment")
                           String text,
                           Integer cycle) {
    }

    public static AppealTimelineView of(Appeal appeal, Optional<AppealProgress> progress, List<AppealStep> steps) {
        return new AppealTimelineView(appeal.id, appeal.receiptNumber, appeal.registeredAt, appeal.registrationDay,
                progress.map(p -> p.status).orElse(CitizenStatus.REGISTERED),
                progress.map(p -> body(p.bodyCode, p.bodyNameKk, p.bodyNameRu)).orElse(null),
                progress.map(p -> p.dueOn).orElse(null),
                progress.map(p -> p.cycle).orElse(1),
                steps.stream().map(step -> new StepView(step.kind, step.occurredAt,
                        body(step.bodyCode, step.bodyNameKk, step.bodyNameRu), step.dueOn, step.outcome,
                        step.satisfied, step.text, step.cycle)).toList());
    }

    private static BodyView body(String code, String nameKk, String nameRu) {
        return code == null ? null : new BodyView(code, nameKk, nameRu);
    }
}
