package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.WarningThreshold;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.escalation.domain.DeadlineStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Read side of the clock, for the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeadlineQueries {

    /**
     * @param bodyCode        the body whose term runs now (after an escalation, the higher body); null until
     *                        routing names one
     * @param level           that body's level
     * @param routedBodyCode  the body routing named
     * @param registrationDay the citizen's receipt date (APPK Art. 64), unchanged by a redirect
     * @param termStart       day 0 of the current term
     * @param dueDate         null while the day the term counts from is unknown
     * @param workingDaysLeft working days after today up to the due date (0 on the due date itself, negative when
     *                        overdue); null when the clock is stopped or the due date unknown
     * @param escalationStep  steps up the ladder in this cycle (0: the routed body holds it)
     * @param warningsSent    warnings published for the current term
     * @param redirectDue     the last day to redirect an appeal outside the body's competence (Art. 76)
     * @param redirectedLate  true when routing redirected it after that day; null when it was not redirected
     */
    public record DeadlineView(UUID appealId, String bodyCode, BodyLevel level, String routedBodyCode,
                               LocalDate registrationDay, LocalDate termStart, LocalDate dueDate,
                               DeadlineStatus status, Integer workingDaysLeft, int cycle, int escalationStep,
                               Set<WarningThreshold> warningsSent, LocalDate redirectDue, Boolean redirectedLate) {
    }

    /** The most rows one overdue list returns, oldest due date first. */
    static final int OVERDUE_LIMIT = 500;

    private final DeadlineRepository deadlines;
    private final DeadlinePolicy policy;
    private final Clock clock;

    public DeadlineQueries(DeadlineRepository deadlines, DeadlinePolicy policy, Clock clock) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
    }

    /** A deadline outside the reader's scope is reported as absent, like one that does not exist. */
    public Optional<DeadlineView> find(UUID appealId, DeadlineReader reader) {
        return deadlines.findByIdOptional(appealId).filter(reader::sees).map(this::view);
    }

    /**
     * Unanswered appeals of a district or region (by the KATO code routing gave) whose term has lapsed at least
     * once in the current cycle, or is past its due date and waiting for the sweep; of those, the ones the reader
     * sees.
     */
    public List<DeadlineView> overdue(String districtOrRegionKato, DeadlineReader reader) {
        return deadlines.overdueIn(districtOrRegionKato, reader, today(), OVERDUE_LIMIT).stream().map(this::view)
                .toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), AppkTerms.NATIONAL_OFFSET);
    }

    private DeadlineView view(Deadline deadline) {
        Integer workingDaysLeft = null;
        if (deadline.dueDate() != null && deadline.status() != DeadlineStatus.STOPPED) {
            workingDaysLeft = policy.calendar().workingDaysBetween(today(), deadline.dueDate());
        }
        LocalDate redirectDue = deadline.registrationDay() == null ? null
                : policy.redirectDue(deadline.registrationDay());
        Boolean redirectedLate = redirectDue == null || deadline.redirectedAt() == null ? null
                : LocalDate.ofInstant(deadline.redirectedAt(), AppkTerms.NATIONAL_OFFSET).isAfter(redirectDue);
        Optional<AnsweringBody> current = deadline.currentBody();
        return new DeadlineView(deadline.appealId(), current.map(AnsweringBody::code).orElse(null),
                current.map(AnsweringBody::level).orElse(null), deadline.body().map(AnsweringBody::code).orElse(null),
                deadline.registrationDay(), deadline.termStart(), deadline.dueDate(), deadline.status(),
                workingDaysLeft, deadline.cycle(), deadline.escalationStep(), deadline.sentWarnings(), redirectDue,
                redirectedLate);
    }
}
