package kz.appeals.escalation.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The statutory clock of one appeal. Its inputs come from three topics that are each ordered per appeal but not
 * ordered among themselves, so the row keeps the facts each topic reported (registration day, answering body,
 * cycles, extension) and derives the due date and status from all of them after every change. Whatever order the
 * facts arrive in, the result is the same; the one thing that is never undone is a lapse, because it has been
 * published.
 */
@Entity
@Table(name = "deadline")
public class Deadline {

    @Id
    @Column(name = "appeal_id")
    private UUID appealId;

    @Column(name = "registration_day")
    private LocalDate registrationDay;

    /** Null until routing names a body. */
    @Embedded
    private AnsweringBody body;

    @Column(name = "district_kato")
    private String districtKato;

    @Column(name = "cycle", nullable = false)
    private int cycle;

    @Column(name = "answered_cycle", nullable = false)
    private int answeredCycle;

    /** Registration day of the reopening that started the current cycle; unused in cycle 1. */
    @Column(name = "reopen_day")
    private LocalDate reopenDay;

    @Column(name = "extension_due_date")
    private LocalDate extensionDueDate;

    /** An extension binds only the body that decided it: a redirect to another body drops it. */
    @Column(name = "extension_body_code")
    private String extensionBodyCode;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DeadlineStatus status;

    @Column(name = "lapsed_at")
    private Instant lapsedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Deadline() {
    }

    /** The clock as first heard of, from any topic: first cycle, nothing known yet. */
    public static Deadline start(UUID appealId, Instant now) {
        Deadline deadline = new Deadline();
        deadline.appealId = appealId;
        deadline.cycle = 1;
        deadline.answeredCycle = 0;
        deadline.status = DeadlineStatus.RUNNING;
        deadline.createdAt = now;
        deadline.updatedAt = now;
        return deadline;
    }

    /** Intake registered the appeal (APPK Art. 64): the first cycle counts from this day. */
    public void registered(LocalDate day, DeadlinePolicy policy, Instant now) {
        if (registrationDay == null) {
            registrationDay = day;
        }
        refresh(policy, now);
    }

    /** Routing chose the body that must answer, first or after a redirect; the term still counts from registration. */
    public void assignedTo(AnsweringBody answeringBody, String district, LocalDate day, DeadlinePolicy policy,
                           Instant now) {
        body = answeringBody;
        districtKato = district;
        registered(day, policy, now);
    }

    /** The body answered in {@code inCycle}: the clock stops. An answer of an earlier cycle changes nothing. */
    public void answered(int inCycle, DeadlinePolicy policy, Instant now) {
        if (inCycle > cycle) {
            startCycle(inCycle, null);
        }
        answeredCycle = Math.max(answeredCycle, inCycle);
        refresh(policy, now);
    }

    /**
     * The head of {@code bodyCode} extended the term (APPK Art. 76). It is kept even when it cannot be checked yet
     * (the body or registration day still unknown) and takes effect once it can and the policy allows it.
     *
     * @return the policy's rejection, if the extension can be checked now and breaks a rule; the term then stays
     * at its statutory due date
     */
    public Optional<ExtensionDecision.Rejected> extended(String bodyCode, LocalDate newDueDate, DeadlinePolicy policy,
                                                         Instant now) {
        extensionBodyCode = bodyCode;
        extensionDueDate = newDueDate;
        return refresh(policy, now);
    }

    /**
     * The appeal was reopened, starting {@code newCycle} with a new term from {@code reopenRegistrationDay}. Cycles
     * arrive in order on the response topic, so a cycle already known is a repeat; the one exception is a cycle
     * first learned from its answer, whose start day is filled in here.
     */
    public void reopened(int newCycle, LocalDate reopenRegistrationDay, DeadlinePolicy policy, Instant now) {
        if (newCycle < cycle || (newCycle == cycle && reopenDay != null)) {
            return;
        }
        if (newCycle > cycle) {
            startCycle(newCycle, reopenRegistrationDay);
        } else {
            reopenDay = reopenRegistrationDay;
        }
        refresh(policy, now);
    }

    /** A new cycle has a new term: the previous cycle's extension and lapse do not carry over. */
    private void startCycle(int newCycle, LocalDate startDay) {
        cycle = newCycle;
        reopenDay = startDay;
        extensionDueDate = null;
        extensionBodyCode = null;
        status = DeadlineStatus.RUNNING;
        lapsedAt = null;
    }

    /** True when the sweeper should lapse this deadline on {@code today} (national time). */
    public boolean isLapsedOn(LocalDate today, DeadlinePolicy policy) {
        return status == DeadlineStatus.RUNNING && body != null && dueDate != null
                && policy.hasLapsed(dueDate, today);
    }

    /** APPK Art. 91(2): no answer by the due date, so the body is deemed to have refused. */
    public void lapse(LocalDate today, DeadlinePolicy policy, Instant now) {
        if (!isLapsedOn(today, policy)) {
            throw new IllegalStateException("Deadline of " + appealId + " (" + status + ", due " + dueDate
                    + ") has not lapsed on " + today);
        }
        status = DeadlineStatus.LAPSED;
        lapsedAt = now;
        updatedAt = now;
    }

    /**
     * Derives status and due date from the facts. A lapsed term keeps its due date: that is the date the deemed
     * refusal was published for.
     */
    private Optional<ExtensionDecision.Rejected> refresh(DeadlinePolicy policy, Instant now) {
        updatedAt = now;
        if (answeredCycle >= cycle) {
            status = DeadlineStatus.STOPPED;
        } else if (status == DeadlineStatus.LAPSED) {
            return Optional.empty();
        } else {
            status = DeadlineStatus.RUNNING;
        }
        LocalDate termStart = cycle == 1 ? registrationDay : reopenDay;
        if (termStart == null) {
            dueDate = null;
            return Optional.empty();
        }
        LocalDate statutory = policy.answerDue(termStart);
        dueDate = statutory;
        if (extensionDueDate == null || body == null || !body.code().equals(extensionBodyCode)) {
            return Optional.empty();
        }
        ExtensionDecision decision = policy.checkExtension(termStart, statutory, extensionDueDate);
        if (decision instanceof ExtensionDecision.Allowed allowed) {
            dueDate = allowed.newDueDate();
            return Optional.empty();
        }
        return Optional.of((ExtensionDecision.Rejected) decision);
    }

    public UUID appealId() {
        return appealId;
    }

    public Optional<AnsweringBody> body() {
        return Optional.ofNullable(body);
    }

    public String districtKato() {
        return districtKato;
    }

    public LocalDate registrationDay() {
        return registrationDay;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public DeadlineStatus status() {
        return status;
    }

    public int cycle() {
        return cycle;
    }
}
