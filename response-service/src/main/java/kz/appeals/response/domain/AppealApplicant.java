package kz.appeals.response.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * Who filed the appeal, as intake's pseudonym (keyed hash of the IIN) from appeal.submitted: enough to recognise the
 * applicant when they rate or reopen, and nothing that identifies a person.
 */
@Entity
@Table(name = "appeal_applicant")
public class AppealApplicant {

    @Id
    @Column(name = "appeal_id")
    private UUID appealId;

    @Column(name = "applicant_ref", nullable = false, updatable = false)
    private String applicantRef;

    protected AppealApplicant() {
    }

    public UUID appealId() {
        return appealId;
    }

    public String applicantRef() {
        return applicantRef;
    }

    /** The actor name the audit trail records for the applicant: the pseudonym, never a person's name. */
    public String auditActor() {
        return "applicant:" + applicantRef;
    }
}
