package kz.appeals.response.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.platform.privacy.PublicText;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.response.config.ResponseConfig;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.StatusChange;
import kz.appeals.response.service.AppealViews.CitizenView;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * What the applicant does with an answer, through the e-government front end: rate it once per cycle, and reopen an
 * unsatisfying one within the configured period. The applicant is recognised by intake's pseudonym (applicantRef of
 * appeal.submitted), which the front end presents; nothing else about the person reaches this service. The citizen's
 * comment and reason go onto the topic as their public copy (IINs, phones, e-mails masked). Like the office's
 * actions, these read and write in plain JDBC ({@link AppealActions}).
 */
@ApplicationScoped
@Transactional
public class CitizenService {

    private final AgroalDataSource dataSource;
    private final AppealActions actions;
    private final DeadlinePolicy deadlines;
    private final ResponseConfig config;
    private final Clock clock;

    public CitizenService(AgroalDataSource dataSource, AppealActions actions, DeadlinePolicy deadlines,
                          ResponseConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.actions = actions;
        this.deadlines = deadlines;
        this.config = config;
        this.clock = clock;
    }

    /** Two ratings at once cannot both pass the "rated once" rule: the rating moves the appeal's version on too. */
    public CitizenView rate(UUID appealId, String applicantRef, boolean satisfied, String comment) {
        return act(appealId, applicantRef, (appeal, applicant, now) -> new Step(
                appeal.rate(satisfied, comment, applicant, now),
                new Rated(appeal.id(), appeal.bodyCode(), satisfied, PublicText.redact(comment), appeal.cycle(), now,
                        applicantRef)));
    }

    public CitizenView reopen(UUID appealId, String applicantRef, String reason) {
        return act(appealId, applicantRef, (appeal, applicant, now) -> new Step(
                appeal.reopen(reason, applicant, now, deadlines.calendar().registrationDay(now),
                        config.reopenWindow(), deadlines),
                new Reopened(appeal.id(), appeal.bodyCode(), PublicText.redact(reason), appeal.cycle(), now,
                        applicantRef, appeal.dueDate())));
    }

    /** What an action decided: the status change, and its event, built after the change from the changed appeal. */
    private record Step(StatusChange change, AppealEvent event) {
    }

    @FunctionalInterface
    private interface Decision {
        /** @param applicant the actor the audit records for the applicant: the pseudonym, never a person's name */
        Step decide(Appeal appeal, String applicant, Instant now);
    }

    /** Another person's appeal answers 404 exactly like an unknown one. */
    private CitizenView act(UUID appealId, String applicantRef, Decision decision) {
        // the pool hands the connection enlisted in this transaction
        try (Connection connection = dataSource.getConnection()) {
            AppealTable.Held held = AppealTable.read(connection, appealId)
                    .filter(stored -> stored.applicantRef() != null
                            && sameReference(stored.applicantRef(), applicantRef))
                    .orElseThrow(() -> ProblemException.notFound("No appeal " + appealId
                            + " of this applicant with an answering body"));
            Appeal appeal = held.restore();
            Step step = decision.decide(appeal, "applicant:" + held.applicantRef(), now());
            actions.save(connection, held, appeal, step.change(), step.event());
            return CitizenView.of(appeal);
        } catch (SQLException e) {
            throw new IllegalStateException("response-service: the applicant's action on " + appealId
                    + " could not be applied: " + e.getMessage(), e);
        }
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
