package kz.appeals.escalation.domain;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.appk.AppkTerms;
import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.ExtensionDecision;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeadlineWarning;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.DueDateRecalculated;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.WarningThreshold;
import kz.appeals.escalation.domain.WarningSchedule.Warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The statutory clock of one appeal. Its inputs come from three topics that are each ordered per appeal but not
 * ordered among themselves, so the row keeps the facts each topic reported (registration day, answering body,
 * redirect, cycles, extension) and derives the current term — its start, due date and the day the sweeper must next
 * look at it — from all of them after every change. Whatever order the facts arrive in, the result is the same.
 * What the sweeper has done (warnings sent, escalations) has been published and is never undone.
 *
 * <p>Terms, in order of precedence:
 * <ul>
 *   <li>escalated: the higher body's own term (working days from configuration) from the day it took the matter up;</li>
 *   <li>a reopened cycle: the Art. 76 term from the reopening's registration day;</li>
 *   <li>redirected: the new body gets its own Art. 76 term from the day it received the appeal (Art. 64 applied to
 *   the redirect), while the citizen's receipt date — the registration day, from which the two-month cap on
 *   extensions counts — stays the original one;</li>
 *   <li>otherwise the Art. 76 term from the registration day.</li>
 * </ul>
 */
@Entity
@Table(name = "deadline")
public class Deadline {

    @Id
    @Column(name = "appeal_id")
    private UUID appealId;

    /** The citizen's receipt date (Art. 64): never changed by a redirect. */
    @Column(name = "registration_day")
    private LocalDate registrationDay;

    /** The body routing named (first or after a redirect); null until routing names one. */
    @Embedded
    private AnsweringBody body;

    @Column(name = "district_kato")
    private String districtKato;

    @Column(name = "region_kato")
    private String regionKato;

    /** The akimat of the place's district as routing named it (code and name); null if routing named none. */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "code", column = @Column(name = "district_akimat_code")),
            @AttributeOverride(name = "level", column = @Column(name = "district_akimat_level")),
            @AttributeOverride(name = "katoCode", column = @Column(name = "district_akimat_kato")),
            @AttributeOverride(name = "nameKk", column = @Column(name = "district_akimat_name_kk")),
            @AttributeOverride(name = "nameRu", column = @Column(name = "district_akimat_name_ru"))})
    private AnsweringBody districtAkimat;

    /** The akimat of the place's region as routing named it; null if routing named none. */
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "code", column = @Column(name = "region_akimat_code")),
            @AttributeOverride(name = "level", column = @Column(name = "region_akimat_level")),
            @AttributeOverride(name = "katoCode", column = @Column(name = "region_akimat_kato")),
            @AttributeOverride(name = "nameKk", column = @Column(name = "region_akimat_name_kk")),
            @AttributeOverride(name = "nameRu", column = @Column(name = "region_akimat_name_ru"))})
    private AnsweringBody regionAkimat;

    /** When routing redirected the appeal to {@link #body}; null if it never did. */
    @Column(name = "redirected_at")
    private Instant redirectedAt;

    @Column(name = "cycle", nullable = false)
    private int cycle;

    @Column(name = "answered_cycle", nullable = false)
    private int answeredCycle;

    /** Registration day of the reopening that started the current cycle; unused in cycle 1. */
    @Column(name = "reopen_day")
    private LocalDate reopenDay;

    @Column(name = "extension_due_date")
    private LocalDate extensionDueDate;

    /** An extension binds only the body that decided it: a redirect or escalation to another body drops it. */
    @Column(name = "extension_body_code")
    private String extensionBodyCode;

    /** How many steps up the ladder the current cycle has gone; 0 while the routed body holds it. */
    @Column(name = "escalation_step", nullable = false)
    private int escalationStep;

    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "code", column = @Column(name = "escalated_body_code")),
            @AttributeOverride(name = "level", column = @Column(name = "escalated_body_level")),
            @AttributeOverride(name = "katoCode", column = @Column(name = "escalated_body_kato")),
            @AttributeOverride(name = "nameKk", column = @Column(name = "escalated_body_name_kk")),
            @AttributeOverride(name = "nameRu", column = @Column(name = "escalated_body_name_ru"))})
    private AnsweringBody escalatedBody;

    @Column(name = "escalation_day")
    private LocalDate escalationDay;

    @Column(name = "escalation_term")
    private Integer escalationTerm;

    /** Derived: day 0 of the current term; null while unknown. */
    @Column(name = "term_start")
    private LocalDate termStart;

    /** Derived (APPK Art. 76, 91(2)): null while the day the term counts from is unknown. */
    @Column(name = "due_date")
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    private DeadlineStatus status;

    /** Comma-separated warning thresholds already published for the current term. */
    @Column(name = "warnings_sent", nullable = false)
    private String warningsSent;

    /** Derived: the first day on which the sweeper has something to do (a warning or the lapse); null for none. */
    @Column(name = "wake_on")
    private LocalDate wakeOn;

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
        deadline.warningsSent = "";
        deadline.createdAt = now;
        deadline.updatedAt = now;
        return deadline;
    }

    /**
     * Every fact and derived date of a deadline, as one value: what the consumers' batches read from and write to
     * their rows without the ORM. Bodies are null where the deadline names none.
     */
    public record State(UUID appealId, LocalDate registrationDay, Body body, String districtKato, String regionKato,
                        Body districtAkimat, Body regionAkimat, Instant redirectedAt, int cycle, int answeredCycle,
                        LocalDate reopenDay, LocalDate extensionDueDate, String extensionBodyCode,
                        int escalationStep, Body escalatedBody, LocalDate escalationDay, Integer escalationTerm,
                        LocalDate termStart, LocalDate dueDate, DeadlineStatus status, String warningsSent,
                        LocalDate wakeOn, Instant lapsedAt, Instant createdAt, Instant updatedAt) {
    }

    /** The deadline a stored {@link State} describes, unknown to any persistence context. */
    public static Deadline restore(State state) {
        Deadline deadline = new Deadline();
        deadline.appealId = state.appealId();
        deadline.registrationDay = state.registrationDay();
        deadline.body = answeringBody(state.body());
        deadline.districtKato = state.districtKato();
        deadline.regionKato = state.regionKato();
        deadline.districtAkimat = answeringBody(state.districtAkimat());
        deadline.regionAkimat = answeringBody(state.regionAkimat());
        deadline.redirectedAt = state.redirectedAt();
        deadline.cycle = state.cycle();
        deadline.answeredCycle = state.answeredCycle();
        deadline.reopenDay = state.reopenDay();
        deadline.extensionDueDate = state.extensionDueDate();
        deadline.extensionBodyCode = state.extensionBodyCode();
        deadline.escalationStep = state.escalationStep();
        deadline.escalatedBody = answeringBody(state.escalatedBody());
        deadline.escalationDay = state.escalationDay();
        deadline.escalationTerm = state.escalationTerm();
        deadline.termStart = state.termStart();
        deadline.dueDate = state.dueDate();
        deadline.status = state.status();
        deadline.warningsSent = state.warningsSent();
        deadline.wakeOn = state.wakeOn();
        deadline.lapsedAt = state.lapsedAt();
        deadline.createdAt = state.createdAt();
        deadline.updatedAt = state.updatedAt();
        return deadline;
    }

    public State state() {
        return new State(appealId, registrationDay, contract(body), districtKato, regionKato,
                contract(districtAkimat), contract(regionAkimat), redirectedAt, cycle, answeredCycle, reopenDay,
                extensionDueDate, extensionBodyCode, escalationStep, contract(escalatedBody), escalationDay,
                escalationTerm, termStart, dueDate, status, warningsSent, wakeOn, lapsedAt, createdAt, updatedAt);
    }

    private static AnsweringBody answeringBody(Body body) {
        return body == null ? null : AnsweringBody.of(body);
    }

    private static Body contract(AnsweringBody body) {
        return body == null ? null : body.toContract();
    }

    /** Intake registered the appeal (APPK Art. 64): the first cycle counts from this day. */
    public void registered(LocalDate day, ClockRules rules, Instant now) {
        if (registrationDay == null) {
            registrationDay = day;
        }
        refresh(rules, now);
    }

    /**
     * Routing chose, at {@code decidedAt}, the body that must answer; the term counts from registration, unless an
     * operator places the appeal after the previous body disclaimed it ({@link #awaitingTriage}): then, as after a
     * redirect, the body's term counts from the day it received the appeal.
     */
    public void assignedTo(AnsweringBody answeringBody, String district, String region, List<Body> higherBodies,
                           LocalDate receiptDay, Instant decidedAt, ClockRules rules, Instant now) {
        if (body == null && redirectedAt != null) {
            redirectedAt = decidedAt;
        }
        body = answeringBody;
        districtKato = district;
        regionKato = region;
        districtAkimat = ofLevel(higherBodies, BodyLevel.DISTRICT_AKIMAT);
        regionAkimat = ofLevel(higherBodies, BodyLevel.REGION_AKIMAT);
        registered(receiptDay, rules, now);
    }

    /**
     * The body asked for a redirect (APPK Art. 76) and routing found no other: the appeal waits for an operator. The
     * body that disclaimed it in time is no longer held to the term, so nothing lapses against it; the body the
     * operator names gets its own term. An appeal triaged at its first decision had no body to release.
     */
    public void awaitingTriage(Instant at, ClockRules rules, Instant now) {
        if (body != null && escalationStep == 0) {
            body = null;
            redirectedAt = at;
        }
        refresh(rules, now);
    }

    /**
     * Routing redirected the appeal to another body at {@code at}: that body gets its own term from the day it
     * received it; the citizen's receipt date stays {@code receiptDay}.
     */
    public void redirectedTo(AnsweringBody answeringBody, String district, String region, List<Body> higherBodies,
                             LocalDate receiptDay, Instant at, ClockRules rules, Instant now) {
        redirectedAt = at;
        assignedTo(answeringBody, district, region, higherBodies, receiptDay, at, rules, now);
    }

    private static AnsweringBody ofLevel(List<Body> bodies, BodyLevel level) {
        return bodies == null ? null : bodies.stream().filter(body -> body.level() == level).findFirst()
                .map(AnsweringBody::of).orElse(null);
    }

    /** The body answered in {@code inCycle}: the clock stops. An answer of an earlier cycle changes nothing. */
    public void answered(int inCycle, ClockRules rules, Instant now) {
        if (inCycle > cycle) {
            startCycle(inCycle, null);
        }
        answeredCycle = Math.max(answeredCycle, inCycle);
        refresh(rules, now);
    }

    /**
     * The head of {@code bodyCode} extended the term (APPK Art. 76). It is kept even when it cannot be checked yet
     * (the body or registration day still unknown) and takes effect once it can and the policy allows it.
     *
     * @return the policy's rejection, if the extension can be checked now and breaks a rule; the term then stays
     * at its statutory due date
     */
    public Optional<ExtensionDecision.Rejected> extended(String bodyCode, LocalDate newDueDate, ClockRules rules,
                                                         Instant now) {
        extensionBodyCode = bodyCode;
        extensionDueDate = newDueDate;
        return refresh(rules, now);
    }

    /**
     * The appeal was reopened, starting {@code newCycle} with a new term from {@code reopenRegistrationDay}. Cycles
     * arrive in order on the response topic, so a cycle already known is a repeat; the one exception is a cycle
     * first learned from its answer, whose start day is filled in here.
     */
    public void reopened(int newCycle, LocalDate reopenRegistrationDay, ClockRules rules, Instant now) {
        if (newCycle < cycle || (newCycle == cycle && reopenDay != null)) {
            return;
        }
        if (newCycle > cycle) {
            startCycle(newCycle, reopenRegistrationDay);
        } else {
            reopenDay = reopenRegistrationDay;
        }
        refresh(rules, now);
    }

    /**
     * A new cycle has a new term with the routed body: the previous cycle's extension, warnings, escalation and
     * lapse do not carry over.
     */
    private void startCycle(int newCycle, LocalDate startDay) {
        cycle = newCycle;
        reopenDay = startDay;
        extensionDueDate = null;
        extensionBodyCode = null;
        escalationStep = 0;
        escalatedBody = null;
        escalationDay = null;
        escalationTerm = null;
        warningsSent = "";
        status = DeadlineStatus.RUNNING;
        lapsedAt = null;
    }

    /**
     * The working calendar changed (the data of {@code year} loaded): derive the current term again. Warnings already
     * sent and escalations already published stay as they are.
     *
     * @return the new due date to publish, when the term of a body that holds the appeal moved: this service owns the
     * due date, and response and intake show what it published
     */
    public Optional<DueDateRecalculated> calendarChanged(int year, ClockRules rules, Instant now) {
        LocalDate before = dueDate;
        refresh(rules, now);
        Optional<AnsweringBody> holder = currentBody();
        if (status != DeadlineStatus.RUNNING || holder.isEmpty() || before == null || before.equals(dueDate)) {
            return Optional.empty();
        }
        return Optional.of(new DueDateRecalculated(appealId, holder.get().code(), holder.get().level(), cycle, before,
                dueDate, year, now));
    }

    /**
     * What the sweeper does with this deadline on {@code today} (national time): nothing; the warnings reached and
     * not yet sent (only the most advanced one is published and recorded, the earlier ones are passed over for good,
     * so a term first seen late does not send a burst); or, once the due date has passed (APPK Art. 91(2)), a deemed refusal and an
     * escalation one step up, which starts the higher body's own term. At the top of the ladder the deadline stays
     * lapsed.
     *
     * @return the events to publish, in order
     */
    public List<AppealEvent> sweep(LocalDate today, Instant now, ClockRules rules) {
        if (!isSweepable()) {
            return List.of();
        }
        List<AppealEvent> events = new ArrayList<>();
        if (rules.policy().hasLapsed(dueDate, today)) {
            lapse(now, rules, events);
        } else {
            warn(today, now, rules, events);
        }
        updatedAt = now;
        return events;
    }

    private boolean isSweepable() {
        return status == DeadlineStatus.RUNNING && currentBody().isPresent() && dueDate != null;
    }

    private void lapse(Instant now, ClockRules rules, List<AppealEvent> events) {
        AnsweringBody from = currentBody().orElseThrow();
        LocalDate lapsedDue = dueDate;
        events.add(new DeemedRefused(appealId, from.code(), from.level(), lapsedDue, now));
        Optional<EscalationLadder.Rung> rung = rules.ladder().nextRung(this);
        if (rung.isEmpty()) {
            status = DeadlineStatus.LAPSED;
            lapsedAt = now;
            wakeOn = null;
            return;
        }
        // The higher body takes the matter up as an appeal received now (registered under Art. 64).
        escalationStep++;
        escalatedBody = AnsweringBody.of(rung.get().body());
        escalationDay = rules.policy().calendar().registrationDay(now);
        escalationTerm = rung.get().termWorkingDays();
        warningsSent = "";
        lapsedAt = now;
        refresh(rules, now);
        events.add(new Escalated(appealId, from.toContract(), escalatedBody.toContract(), lapsedDue, dueDate, now));
    }

    private void warn(LocalDate today, Instant now, ClockRules rules, List<AppealEvent> events) {
        List<Warning> reached = pendingWarnings(rules).stream().filter(warning -> !warning.day().isAfter(today))
                .toList();
        if (reached.isEmpty()) {
            // Only after a calendar change can the stored wake-up be early; move it so the row is not swept again.
            wakeOn = nextWake(rules);
            return;
        }
        // warningsSent records what was published: the most advanced warning, not the ones it passed over
        WarningThreshold published = reached.get(reached.size() - 1).threshold();
        Set<WarningThreshold> sent = sentWarnings();
        sent.add(published);
        warningsSent = sent.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        AnsweringBody to = currentBody().orElseThrow();
        events.add(new DeadlineWarning(appealId, to.code(), to.level(), published, dueDate, now));
        wakeOn = nextWake(rules);
    }

    private List<Warning> warnings(ClockRules rules) {
        return rules.warnings().warnings(termStart, dueDate, rules.policy().calendar());
    }

    /** The term's warnings after the last one published, in order: those passed over are never sent late. */
    private List<Warning> pendingWarnings(ClockRules rules) {
        List<Warning> all = warnings(rules);
        Set<WarningThreshold> sent = sentWarnings();
        int lastSent = -1;
        for (int i = 0; i < all.size(); i++) {
            if (sent.contains(all.get(i).threshold())) {
                lastSent = i;
            }
        }
        return all.subList(lastSent + 1, all.size());
    }

    public Set<WarningThreshold> sentWarnings() {
        Set<WarningThreshold> sent = EnumSet.noneOf(WarningThreshold.class);
        Arrays.stream(warningsSent.split(",")).filter(name -> !name.isEmpty())
                .forEach(name -> sent.add(WarningThreshold.valueOf(name)));
        return sent;
    }

    /**
     * Derives the current term from the facts. A lapse at the top of the ladder is final: its due date is the one
     * the deemed refusal was published for.
     */
    private Optional<ExtensionDecision.Rejected> refresh(ClockRules rules, Instant now) {
        updatedAt = now;
        if (answeredCycle >= cycle) {
            status = DeadlineStatus.STOPPED;
        } else if (status == DeadlineStatus.LAPSED) {
            return Optional.empty();
        } else {
            status = DeadlineStatus.RUNNING;
        }
        DeadlinePolicy policy = rules.policy();
        WorkingCalendar calendar = policy.calendar();
        LocalDate receipt;
        int termDays;
        if (escalationStep > 0) {
            termStart = escalationDay;
            receipt = escalationDay;
            termDays = escalationTerm;
        } else if (cycle > 1) {
            termStart = reopenDay;
            receipt = reopenDay;
            termDays = AppkTerms.ANSWER.workingDays();
        } else {
            termStart = redirectedAt != null && registrationDay != null
                    ? policy.redirectedTermStart(registrationDay, redirectedAt) : registrationDay;
            receipt = registrationDay;
            termDays = AppkTerms.ANSWER.workingDays();
        }
        if (termStart == null) {
            dueDate = null;
            wakeOn = null;
            return Optional.empty();
        }
        LocalDate statutory = calendar.addWorkingDays(termStart, termDays);
        dueDate = statutory;
        Optional<ExtensionDecision.Rejected> rejected = Optional.empty();
        Optional<AnsweringBody> current = currentBody();
        if (extensionDueDate != null && current.isPresent() && current.get().code().equals(extensionBodyCode)) {
            ExtensionDecision decision = policy.checkExtension(receipt, statutory, extensionDueDate);
            if (decision instanceof ExtensionDecision.Allowed allowed) {
                dueDate = allowed.newDueDate();
            } else {
                rejected = Optional.of((ExtensionDecision.Rejected) decision);
            }
        }
        wakeOn = isSweepable() ? nextWake(rules) : null;
        return rejected;
    }

    /** The next pending warning's day, or the day after the due date, when the term lapses. */
    private LocalDate nextWake(ClockRules rules) {
        return pendingWarnings(rules).stream().map(Warning::day).findFirst().orElse(dueDate.plusDays(1));
    }

    /** The body whose term runs now: the one the appeal was escalated to, else the one routing named. */
    public Optional<AnsweringBody> currentBody() {
        return Optional.ofNullable(escalationStep > 0 ? escalatedBody : body);
    }

    public UUID appealId() {
        return appealId;
    }

    /** The akimat of {@code level} (district or region) above the place, as routing named it. */
    public Optional<Body> akimat(BodyLevel level) {
        AnsweringBody akimat = level == BodyLevel.DISTRICT_AKIMAT ? districtAkimat
                : level == BodyLevel.REGION_AKIMAT ? regionAkimat : null;
        return Optional.ofNullable(akimat).map(AnsweringBody::toContract);
    }

    /** The body routing named. */
    public Optional<AnsweringBody> body() {
        return Optional.ofNullable(body);
    }

    public String districtKato() {
        return districtKato;
    }

    public String regionKato() {
        return regionKato;
    }

    public LocalDate registrationDay() {
        return registrationDay;
    }

    public Instant redirectedAt() {
        return redirectedAt;
    }

    public LocalDate termStart() {
        return termStart;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public LocalDate wakeOn() {
        return wakeOn;
    }

    public DeadlineStatus status() {
        return status;
    }

    public int cycle() {
        return cycle;
    }

    public int escalationStep() {
        return escalationStep;
    }
}
