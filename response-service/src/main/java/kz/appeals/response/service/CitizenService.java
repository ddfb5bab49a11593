package kz.appeals.response.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.response.config.ResponseConfig;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealApplicant;
import kz.appeals.response.domain.AppealAudit;
import kz.appeals.response.domain.StatusChange;
import kz.appeals.response.service.AppealViews.CitizenView;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the applicant does with an answer, through the e-government front end: rate it once per cycle, and reopen an
 * unsatisfying one within the configured period. The applicant is recognised by intake's pseudonym (applicantRef of
 * appeal.submitted), which the front end presents; nothing else about the person reaches this service. The citizen's
 * comment and reason go onto the topic as their public copy (IINs, phones, e-mails masked).
 */
@ApplicationScoped
@Transactional
public class CitizenService {

    private final AppealRepository appeals;
    private final AppealApplicantRepository applicants;
    private final AppealAuditRepository audits;
    private final AuditTrail trail;
    private final Outbox outbox;
    private final DeadlinePolicy deadlines;
    private final ResponseConfig config;
    private final Clock clock;

    public CitizenService(AppealRepository appeals, AppealApplicantRepository applicants,
                          AppealAuditRepository audits, AuditTrail trail, Outbox outbox, DeadlinePolicy deadlines,
                          ResponseConfig config, Clock clock) {
        this.appeals = appeals;
        this.applicants = applicants;
        this.audits = audits;
        this.trail = trail;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CitizenView view(UUID appealId, String applicantRef) {
        return CitizenView.of(load(appealId, applicantRef).appeal());
    }

    public CitizenView rate(UUID appealId, String applicantRef, boolean satisfied, String comment) {
        Owned owned = load(appealId, applicantRef);
        Appeal appeal = owned.appeal();
        Instant now = now();
        StatusChange change = appeal.rate(satisfied, comment, owned.applicant().auditActor(), now);
        // A rating changes the answer row, not the appeal's: force the version up so that two ratings at once
        // cannot both pass the "rated once" rule.
        appeals.getEntityManager().lock(appeal, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return commit(appeal, change, new Rated(appeal.id(), appeal.bodyCode(), satisfied,
                PublicText.redact(comment), appeal.cycle(),
                now, applicantRef));
    }

    public CitizenView reopen(UUID appealId, String applicantRef, String reason) {
        Owned owned = load(appealId, applicantRef);
        Appeal appeal = owned.appeal();
        Instant now = now();
        StatusChange change = appeal.reopen(reason, owned.applicant().auditActor(), now,
                deadlines.calendar().registrationDay(now), config.reopenWindow(), deadlines);
        return commit(appeal, change, new Reopened(appeal.id(), appeal.bodyCode(),
                PublicText.redact(reason), appeal.cycle(), now,
                applicantRef, appeal.dueDate()));
    }

    private CitizenView commit(Appeal appeal, StatusChange change, AppealEvent event) {
        audits.persist(new AppealAudit(appeal.id(), change));
        trail.record(change.action(), "appeal:" + appeal.id(), change.summary());
        outbox.record(event);
        appeals.flush();
        return CitizenView.of(appeal);
    }

    private record Owned(Appeal appeal, AppealApplicant applicant) {
    }

    /** Another person's appeal answers 404 exactly like an unknown one. */
    private Owned load(UUID appealId, String applicantRef) {
        AppealApplicant applicant = applicants.findById(appealId);
        Appeal appeal = appeals.findById(appealId);
        if (applicant == null || appeal == null || !sameReference(applicant.applicantRef(), applicantRef)) {
            throw ProblemException.notFound("No appeal " + appealId + " of this applicant with an answering body");
        }
        return new Owned(appeal, applicant);
    }

    /** Constant time, so that response times do not reveal how much of a guessed reference was right. */
    private static boolean sameReference(String known, String presented) {
        return MessageDigest.isEqual(known.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
