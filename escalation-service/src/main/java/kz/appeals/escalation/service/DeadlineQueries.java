package kz.appeals.escalation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.escalation.domain.AnsweringBody;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.escalation.domain.DeadlineStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Read side of the clock, for the API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeadlineQueries {

    /**
     * @param bodyCode        null until routing names a body
     * @param dueDate         null while the day the term counts from is unknown
     * @param workingDaysLeft working days after today up to the due date (0 on the due date itself, negative when
     *                        overdue); null when the clock is stopped or the due date unknown
     */
    public record DeadlineView(UUID appealId, String bodyCode, LocalDate dueDate, DeadlineStatus status,
                               Integer workingDaysLeft, int cycle) {
    }

    private final DeadlineRepository deadlines;
    private final DeadlinePolicy policy;
    private final Clock clock;

    public DeadlineQueries(DeadlineRepository deadlines, DeadlinePolicy policy, Clock clock) {
        this.deadlines = deadlines;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param officeKato for an akim's office, the KATO code of its body: a deadline of another body is reported as
     *                   absent; empty for roles that oversee every body
     */
    public Optional<DeadlineView> find(UUID appealId, Optional<String> officeKato) {
        return deadlines.findByIdOptional(appealId)
                .filter(deadline -> officeKato.isEmpty() || deadline.body().map(AnsweringBody::katoCode)
                        .filter(kato -> Objects.equals(kato, officeKato.get())).isPresent())
                .map(this::view);
    }

    private DeadlineView view(Deadline deadline) {
        Integer workingDaysLeft = null;
        if (deadline.dueDate() != null && deadline.status() != DeadlineStatus.STOPPED) {
            LocalDate today = LocalDate.ofInstant(clock.instant(), AppkTerms.NATIONAL_OFFSET);
            workingDaysLeft = policy.calendar().workingDaysBetween(today, deadline.dueDate());
        }
        return new DeadlineView(deadline.appealId(), deadline.body().map(AnsweringBody::code).orElse(null),
                deadline.dueDate(), deadline.status(), workingDaysLeft, deadline.cycle());
    }
}
