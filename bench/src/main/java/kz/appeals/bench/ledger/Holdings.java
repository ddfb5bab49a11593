package kz.appeals.bench.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What each service's schema holds of one appeal, read in one snapshot; a service's part is null when it holds no row.
 * The keys of the tables read here (checked by {@link EventChecks#KEYS}) make every part at most one row.
 *
 * @param responseKnowsApplicant response holds the applicant's pseudonym from appeal.submitted (its own table, kept
 *                               whether or not response holds the appeal itself)
 */
public record Holdings(UUID appealId, Intake intake, Routing routing, Response response,
                       boolean responseKnowsApplicant, Escalation escalation, Analytics analytics) {

    /**
     * @param submittedEvents submitted events of the appeal still in intake's outbox (published rows age out)
     * @param dueOn           the due date the citizen is shown, null until intake has one
     */
    public record Intake(String receiptNumber, LocalDate registrationDay, boolean anonymousSignal,
                         int submittedEvents, LocalDate dueOn) {
    }

    /** @param status ROUTED, NEEDS_TRIAGE or OUTSIDE_COMPETENCE: routing's last decision */
    public record Routing(String status, String bodyCode, String receiptNumber, LocalDate registrationDay) {
    }

    /**
     * @param answerCycle       cycle of the latest answer, null if never answered
     * @param ratingCycle       cycle of the latest rated answer, null if none was rated
     * @param extended          the office extended the term at least once (audit action EXTEND)
     * @param escalatedToBodies bodies an escalation handed the appeal to, as response recorded them
     * @param escalatedToLevels their levels
     * @param dueDate           the due date the office is shown
     */
    public record Response(String status, int cycle, String bodyCode, boolean escalated, Integer answerCycle,
                           String answerOutcome, Integer ratingCycle, Boolean ratingSatisfied, boolean extended,
                           List<String> escalatedToBodies, List<String> escalatedToLevels, LocalDate dueDate) {

        boolean open() {
            return !"ANSWERED".equals(status);
        }

        /** After an escalation the higher body's office may take the appeal over from the routed body. */
        boolean takenOver() {
            return escalatedToBodies.contains(bodyCode);
        }
    }

    /**
     * @param status   RUNNING, STOPPED or LAPSED; {@code bodyCode} is the body routing named, null until it names one
     * @param dueDate  the current term's last day, which the escalation service owns; null while unknown
     */
    public record Escalation(String status, int cycle, int escalationStep, String bodyCode, LocalDate dueDate) {
    }

    /** @param answered analytics counted a first answer */
    public record Analytics(String receiptNumber, LocalDate registrationDay, String bodyCode, String outcome,
                            Integer outcomeCycle, boolean answered, boolean extended, boolean deemedRefused,
                            String escalationLevel, Integer ratingCycle, Boolean ratedSatisfied, int reopenedCount) {
    }
}
