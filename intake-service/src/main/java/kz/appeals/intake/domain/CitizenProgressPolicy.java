package kz.appeals.intake.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Folds an appeal's steps, in the order they happened, into what the citizen sees now. Because the fold starts
 * from all steps every time, a step that arrives late (topics are not ordered among themselves) lands in its
 * place instead of overwriting a later one.
 */
public final class CitizenProgressPolicy {

    /** The status each kind of step leads to; steps missing here leave the status as it was. */
    private static final Map<AppealStep.Kind, CitizenStatus> STATUS_AFTER = Map.ofEntries(
            Map.entry(AppealStep.Kind.ROUTED, CitizenStatus.ROUTED),
            Map.entry(AppealStep.Kind.UNDER_REVIEW, CitizenStatus.UNDER_REVIEW),
            Map.entry(AppealStep.Kind.OUTSIDE_COMPETENCE, CitizenStatus.OUTSIDE_COMPETENCE),
            Map.entry(AppealStep.Kind.TAKEN_INTO_WORK, CitizenStatus.IN_PROGRESS),
            Map.entry(AppealStep.Kind.EXTENDED, CitizenStatus.EXTENDED),
            Map.entry(AppealStep.Kind.REDIRECTED, CitizenStatus.REDIRECTED),
            Map.entry(AppealStep.Kind.ANSWERED, CitizenStatus.ANSWERED),
            Map.entry(AppealStep.Kind.RATED, CitizenStatus.RATED),
            Map.entry(AppealStep.Kind.REOPENED, CitizenStatus.REOPENED),
            Map.entry(AppealStep.Kind.ESCALATED, CitizenStatus.ESCALATED));

    /** Same instant: the step that logically comes later wins (enum order follows the lifecycle). */
    public static final Comparator<AppealStep> HAPPENED_ORDER =
            Comparator.comparing((AppealStep step) -> step.occurredAt).thenComparing(step -> step.kind);

    private CitizenProgressPolicy() {
    }

    public static void fold(AppealProgress progress, List<AppealStep> steps) {
        progress.status = CitizenStatus.REGISTERED;
        progress.statusNotes = null;
        steps.stream().sorted(HAPPENED_ORDER).forEach(step -> apply(progress, step));
    }

    /**
     * Whether the due date a step carries is the one in force after it, as the escalation service, which owns the
     * due date, counts it:
     * <ul>
     *   <li>routing's decisions (a redirect, an operator's placement) give a body its own term in the first cycle
     *   only: a reopened cycle's term counts from the reopening whoever answers it (APPK Art. 64 and 76), as the
     *   escalation service's clock and response's inbox count it;</li>
     *   <li>a recalculation after a calendar load replaces the date shown only for the term it recalculated: the
     *   same body and cycle, and the date the escalation service had before (a redirect, reopening or extension it
     *   had not yet seen keeps what is shown).</li>
     * </ul>
     */
    private static boolean setsTheDueDate(AppealProgress progress, AppealStep step) {
        return switch (step.kind) {
            case ROUTED, REDIRECTED -> progress.cycle == 1;
            case DUE_DATE_RECALCULATED -> step.bodyCode.equals(progress.bodyCode)
                    && step.cycle == progress.cycle && step.previousDueOn.equals(progress.dueOn);
            default -> true;
        };
    }

    private static void apply(AppealProgress progress, AppealStep step) {
        CitizenStatus status = STATUS_AFTER.get(step.kind);
        if (status != null) {
            progress.status = status;
        }
        if (step.dueOn != null && setsTheDueDate(progress, step)) {
            progress.dueOn = step.dueOn;
        }
        // a recalculation names the body and cycle whose term it moved; it moves neither
        boolean movesTheAppeal = step.kind != AppealStep.Kind.DUE_DATE_RECALCULATED;
        if (step.bodyCode != null && movesTheAppeal) {
            progress.bodyCode = step.bodyCode;
            progress.bodyKato = step.bodyKato;
            progress.bodyNameKk = step.bodyNameKk;
            progress.bodyNameRu = step.bodyNameRu;
        }
        if (step.cycle != null && step.cycle > progress.cycle && movesTheAppeal) {
            progress.cycle = step.cycle;
        }
        switch (step.kind) {
            case ANSWERED, OUTSIDE_COMPETENCE -> progress.statusNotes = step.text;
            case REOPENED -> progress.statusNotes = null;
            default -> {
            }
        }
        progress.updatedAt = progress.updatedAt == null || step.occurredAt.isAfter(progress.updatedAt)
                ? step.occurredAt : progress.updatedAt;
    }
}
