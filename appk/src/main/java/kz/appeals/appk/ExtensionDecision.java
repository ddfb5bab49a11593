package kz.appeals.appk;

import java.time.LocalDate;

/** The outcome of {@link DeadlinePolicy#checkExtension}: an allowance with the new due date, or a reasoned rejection. */
public sealed interface ExtensionDecision {

    record Allowed(LocalDate newDueDate) implements ExtensionDecision {
    }

    /** {@code explanation} is a sentence for the clerk and the log, citing the article where the law is the reason. */
    record Rejected(Reason reason, String explanation) implements ExtensionDecision {
    }

    enum Reason {
        BEYOND_CAP, NOT_LATER_THAN_CURRENT_DUE_DATE, NOT_A_WORKING_DAY
    }
}
