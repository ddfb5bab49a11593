package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.Publication;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;

import java.util.List;

/**
 * An operator's moderation of the public feed: hide a published report, show it again, or replace its public text.
 * Only what the applicant chose to publish can be moderated, a replacement text is redacted like the original, and
 * every change is written to the audit trail in its transaction. The citizen's own words are never touched.
 */
@ApplicationScoped
public class PublicReportModeration {

    /** What the public sees of a report after moderation. */
    public record PublicReport(String receiptNumber, boolean visible, String description) {
    }

    private final AppealLookup lookup;
    private final ApplicantVault vault;
    private final AuditTrail audit;

    public PublicReportModeration(AppealLookup lookup, ApplicantVault vault, AuditTrail audit) {
        this.lookup = lookup;
        this.vault = vault;
        this.audit = audit;
    }

    /**
     * @param visible     true to show the report, false to hide it; null leaves it as it is
     * @param description the new public text; null keeps the current one
     */
    @Transactional
    public PublicReport moderate(String receipt, Boolean visible, String description) {
        Appeal appeal = lookup.find(receipt)
                .filter(found -> found.publication != Publication.PRIVATE && !found.anonymousSignal)
                .orElseThrow(() -> ProblemException.notFound("No public report " + receipt
                        + ": only a report its applicant chose to publish can be moderated"));
        if (description != null) {
            List<String> names = appeal.applicantSealed == null ? List.of()
                    : List.of(vault.open(appeal.applicantSealed, appeal.id).fullName());
            String redacted = PublicText.redact(description, names).strip();
            if (redacted.isEmpty()) {
                throw new ProblemException(new Problem(Problem.typeUri("validation"), "Request is not valid", 422,
                        "The public text must say what the report is about", null,
                        List.of(new Problem.FieldError("description", "blank", "Give the report's public text"))));
            }
            appeal.description = redacted;
            audit.record("public-report-edited", "appeal:" + appeal.receiptNumber, redacted);
        }
        if (visible != null) {
            Publication next = visible ? Publication.PUBLIC : Publication.HIDDEN;
            if (next != appeal.publication) {
                audit.record(visible ? "public-report-shown" : "public-report-hidden", "appeal:" + appeal.receiptNumber,
                        "from " + appeal.publication + " to " + next);
                appeal.publication = next;
            }
        }
        return new PublicReport(appeal.receiptNumber, appeal.publication == Publication.PUBLIC, appeal.description);
    }
}
