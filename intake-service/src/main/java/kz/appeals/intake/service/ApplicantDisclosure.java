package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.appeals.intake.api.PersonalDataReadView;
import kz.appeals.intake.domain.Appeal;
import kz.appeals.intake.domain.AppealProgress;
import kz.appeals.intake.domain.Applicant;
import kz.appeals.intake.domain.PersonalDataRead;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Gives the body that must answer an appeal its applicant's contact data, and only that body: the caller's KATO
 * claim must be the territory of the body holding the appeal now. Every disclosure is recorded, in the same
 * transaction, for the auditor.
 */
@ApplicationScoped
public class ApplicantDisclosure {

    /** The applicant and the appeal in their own words, which every other copy shows with personal data masked. */
    public record Disclosure(String iin, String fullName, String phone, String email, String description) {
    }

    private final EntityManager entityManager;
    private final AppealLookup lookup;
    private final ApplicantVault vault;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    public ApplicantDisclosure(EntityManager entityManager, AppealLookup lookup, ApplicantVault vault,
                               PersonalDataCipher cipher, Clock clock) {
        this.entityManager = entityManager;
        this.lookup = lookup;
        this.vault = vault;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional
    public Disclosure disclose(String receiptOrId, Caller caller) {
        Optional<Appeal> found = lookup.find(receiptOrId);
        Optional<String> holder = found.map(appeal -> entityManager.find(AppealProgress.class, appeal.id))
                .map(progress -> progress.bodyKato);
        // Another body's appeal is "not found": its existence is not this caller's business either.
        if (found.isEmpty() || holder.isEmpty() || !holder.equals(caller.katoCode())) {
            throw ProblemException.notFound("Your body holds no appeal " + receiptOrId);
        }
        Appeal appeal = found.get();
        if (appeal.anonymousSignal) {
            throw ProblemException.notFound("Appeal " + receiptOrId + " is an anonymous signal: it has no applicant");
        }
        if (appeal.applicantSealed == null) {
            throw new ProblemException(Problem.of(410, "personal-data-erased", "The applicant's data was erased",
                    "Appeal " + receiptOrId + " was closed long enough ago for its applicant to be anonymised on "
                            + appeal.anonymisedAt));
        }
        PersonalDataRead read = new PersonalDataRead();
        read.appealId = appeal.id;
        read.reader = caller.accountRef();
        read.readerRoles = String.join(",", caller.roles());
        read.readerKato = caller.katoCode().orElse(null);
        read.readAt = clock.instant();
        entityManager.persist(read);
        Applicant applicant = vault.open(appeal.applicantSealed, appeal.id);
        String ownWords = appeal.descriptionSealed == null ? appeal.description
                : cipher.open(appeal.descriptionSealed, appeal.id);
        return new Disclosure(applicant.iin(), applicant.fullName(), applicant.phone(), applicant.email(), ownWords);
    }

    /** The disclosures of one appeal, or of all appeals in a period, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PersonalDataReadView> reads(String receiptOrId, Instant from, Instant to, int limit) {
        StringBuilder query = new StringBuilder("""
                select new kz.appeals.intake.api.PersonalDataReadView(a.receiptNumber, r.reader, r.readerRoles,
                    r.readerKato, r.readAt)
                from PersonalDataRead r join Appeal a on a.id = r.appealId
                where r.readAt >= :from and r.readAt < :to""");
        UUID appealId = null;
        if (receiptOrId != null) {
            appealId = lookup.find(receiptOrId).map(appeal -> appeal.id)
                    .orElseThrow(() -> ProblemException.notFound("No appeal " + receiptOrId));
            query.append(" and r.appealId = :appeal");
        }
        var typed = entityManager.createQuery(query + " order by r.readAt desc, r.id desc", PersonalDataReadView.class)
                .setParameter("from", from).setParameter("to", to).setMaxResults(limit);
        if (appealId != null) {
            typed.setParameter("appeal", appealId);
        }
        return typed.getResultList();
    }
}
