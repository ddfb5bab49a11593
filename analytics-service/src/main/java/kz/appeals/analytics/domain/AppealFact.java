package kz.appeals.analytics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import kz.appeals.contracts.AppealEvents.AppealEvent;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Answered;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.DeemedRefused;
import kz.appeals.contracts.AppealEvents.Escalated;
import kz.appeals.contracts.AppealEvents.Extended;
import kz.appeals.contracts.AppealEvents.Outcome;
import kz.appeals.contracts.AppealEvents.Rated;
import kz.appeals.contracts.AppealEvents.Redirected;
import kz.appeals.contracts.AppealEvents.Reopened;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.Submitted;
import kz.appeals.contracts.EventType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What analytics knows about one appeal, merged from its lifecycle events. Events reach analytics from four topics
 * with no order between them, so every rule here is commutative: applying the same set of distinct events in any
 * order yields the same fact. Each distinct event must be applied once (the inbox guarantees it), because the
 * redirect counter adds one per event: a redirect carries no sequence number to take a maximum of.
 */
@Entity
@Table(name = "appeal_fact")
public class AppealFact {

    /** The events that change a fact; the others (acknowledgements, warnings, triage) carry nothing measured. */
    public static final Set<EventType> MERGED_TYPES = EnumSet.of(EventType.SUBMITTED, EventType.ROUTED,
            EventType.REDIRECTED, EventType.EXTENDED, EventType.ANSWERED, EventType.RATED, EventType.REOPENED,
            EventType.DEEMED_REFUSED, EventType.ESCALATED);

    /**
     * How far from the resident an escalation went, lowest first: the responsibility chain rural district,
     * district, region, Presidential Administration, with the sectoral bodies beside it — a utility at the local
     * level, a national agency just below the Presidential Administration. A total order makes "highest reached"
     * a plain maximum.
     */
    private static final List<BodyLevel> ESCALATION_ORDER = List.of(BodyLevel.RURAL_DISTRICT, BodyLevel.UTILITY,
            BodyLevel.DISTRICT_AKIMAT, BodyLevel.REGION_AKIMAT, BodyLevel.NATIONAL_AGENCY,
            BodyLevel.PRESIDENTIAL_ADMINISTRATION);

    @Id
    @Column(name = "appeal_id")
    public UUID appealId;

    @Column(name = "receipt_number")
    public String receiptNumber;

    @Column(name = "category_code")
    public String categoryCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_type")
    public AppealType appealType;

    @Column(name = "registration_day")
    public LocalDate registrationDay;

    @Column(name = "body_code")
    public String bodyCode;

    @Column(name = "rural_district_kato")
    public String ruralDistrictKato;

    @Column(name = "district_kato")
    public String districtKato;

    @Column(name = "region_kato")
    public String regionKato;

    @Column(name = "routed_at")
    public Instant routedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "routing_method")
    public RoutingMethod routingMethod;

    /** Time of the routing decision the body, territory and method come from. */
    @Column(name = "routing_decided_at")
    public Instant routingDecidedAt;

    @Column(name = "first_answered_at")
    public Instant firstAnsweredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome")
    public Outcome outcome;

    @Column(name = "outcome_cycle")
    public Integer outcomeCycle;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "extended", nullable = false)
    public boolean extended;

    @Column(name = "redirected_count", nullable = false)
    public int redirectedCount;

    @Column(name = "deemed_refused", nullable = false)
    public boolean deemedRefused;

    @Enumerated(EnumType.STRING)
    @Column(name = "escalation_level")
    public BodyLevel escalationLevel;

    @Column(name = "rated_satisfied")
    public Boolean ratedSatisfied;

    @Column(name = "rating_cycle")
    public Integer ratingCycle;

    @Column(name = "rated_at")
    public Instant ratedAt;

    @Column(name = "reopened_count", nullable = false)
    public int reopenedCount;

    @Column(name = "last_event_at", nullable = false)
    public Instant lastEventAt;

    /** The applicant's pseudonym from the submission; null for an anonymous signal. */
    @Column(name = "applicant_ref")
    public String applicantRef;

    /** Routing's issue of the newest decision: appeals about one problem share it. */
    @Column(name = "issue_id")
    public UUID issueId;

    /**
     * First day of the current body's term: the registration day, or after a redirect the day the new body
     * received the appeal (APPK Art. 64 applied to the redirect), as the escalation service counts it.
     */
    @Column(name = "term_start_day")
    public LocalDate termStartDay;

    protected AppealFact() {
    }

    public AppealFact(UUID appealId) {
        this.appealId = appealId;
    }

    /**
     * Merges one event of this appeal; types outside {@link #MERGED_TYPES} are rejected as a programming error.
     *
     * @param registrationDayOf the working calendar's Art. 64 rule, for the day a redirected appeal reaches its body
     */
    public void apply(AppealEvent event, Function<Instant, LocalDate> registrationDayOf) {
        if (!appealId.equals(event.appealId())) {
            throw new IllegalArgumentException("Event of appeal " + event.appealId() + " applied to " + appealId);
        }
        if (event instanceof Submitted submitted) {
            onSubmitted(submitted);
        } else if (event instanceof Routed routed) {
            routedAt = earliest(routedAt, routed.occurredAt());
            onRoutingDecision(routed.occurredAt(), routed.body(), routed.ruralDistrictKato(), routed.districtKato(),
                    routed.regionKato(), routed.method(), routed.categoryCode(), routed.issueId(),
                    routed.registrationDay());
            onRegistration(routed.receiptNumber(), routed.appealType(), routed.registrationDay());
        } else if (event instanceof Redirected redirected) {
            redirectedCount++;
            onRoutingDecision(redirected.occurredAt(), redirected.body(), redirected.ruralDistrictKato(),
                    redirected.districtKato(), redirected.regionKato(), redirected.method(),
                    redirected.categoryCode(), redirected.issueId(),
                    registrationDayOf.apply(redirected.occurredAt()));
            onRegistration(redirected.receiptNumber(), redirected.appealType(), redirected.registrationDay());
        } else if (event instanceof Extended) {
            extended = true;
        } else if (event instanceof Answered answered) {
            onAnswered(answered);
        } else if (event instanceof Rated rated) {
            onRated(rated);
        } else if (event instanceof Reopened reopened) {
            // A reopening starts answer cycle n (the first answer is cycle 1): n - 1 reopenings so far.
            reopenedCount = Math.max(reopenedCount, reopened.cycle() - 1);
        } else if (event instanceof DeemedRefused) {
            deemedRefused = true;
        } else if (event instanceof Escalated escalated) {
            escalationLevel = higherEscalation(escalationLevel, escalated.toBody().level());
        } else {
            throw new IllegalArgumentException("Analytics does not merge " + event.getClass().getSimpleName());
        }
        lastEventAt = latest(lastEventAt, event.occurredAt());
    }

    private void onSubmitted(Submitted submitted) {
        onRegistration(submitted.receiptNumber(), submitted.appealType(), submitted.registrationDay());
        applicantRef = submitted.applicantRef();
        // Routing may recategorise an appeal; the category the appeal was routed under wins whenever it is known.
        if (routingDecidedAt == null) {
            categoryCode = submitted.categoryCode();
        }
    }

    /** Registration facts never change after intake, so whichever event brings them first sets them. */
    private void onRegistration(String receipt, AppealType type, LocalDate day) {
        receiptNumber = receiptNumber != null ? receiptNumber : receipt;
        appealType = appealType != null ? appealType : type;
        registrationDay = registrationDay != null ? registrationDay : day;
    }

    /** The newest decision by its own time wins; the body code breaks an exact tie so that order cannot matter. */
    private void onRoutingDecision(Instant decidedAt, Body body, String ruralDistrict, String district, String region,
                                   RoutingMethod method, String category, UUID issue, LocalDate termStart) {
        boolean newer = routingDecidedAt == null || decidedAt.isAfter(routingDecidedAt)
                || decidedAt.equals(routingDecidedAt) && body.code().compareTo(bodyCode) > 0;
        if (!newer) {
            return;
        }
        routingDecidedAt = decidedAt;
        bodyCode = body.code();
        ruralDistrictKato = ruralDistrict;
        districtKato = district;
        regionKato = region;
        routingMethod = method;
        categoryCode = category;
        issueId = issue;
        termStartDay = termStart;
    }

    private void onAnswered(Answered answered) {
        firstAnsweredAt = earliest(firstAnsweredAt, answered.occurredAt());
        boolean later = outcomeCycle == null || answered.cycle() > outcomeCycle
                || answered.cycle() == outcomeCycle && answered.occurredAt().isAfter(outcomeAt)
                || answered.cycle() == outcomeCycle && answered.occurredAt().equals(outcomeAt)
                && answered.outcome().compareTo(outcome) > 0;
        if (later) {
            outcomeCycle = answered.cycle();
            outcomeAt = answered.occurredAt();
            outcome = answered.outcome();
        }
    }

    /** The rating of the latest cycle counts; two ratings of one cycle at one instant count as not satisfied. */
    private void onRated(Rated rated) {
        if (ratingCycle != null && rated.cycle() == ratingCycle && rated.occurredAt().equals(ratedAt)) {
            ratedSatisfied = ratedSatisfied && rated.satisfied();
            return;
        }
        boolean later = ratingCycle == null || rated.cycle() > ratingCycle
                || rated.cycle() == ratingCycle && rated.occurredAt().isAfter(ratedAt);
        if (later) {
            ratingCycle = rated.cycle();
            ratedAt = rated.occurredAt();
            ratedSatisfied = rated.satisfied();
        }
    }

    private static BodyLevel higherEscalation(BodyLevel current, BodyLevel reached) {
        if (current == null) {
            return reached;
        }
        return ESCALATION_ORDER.indexOf(reached) > ESCALATION_ORDER.indexOf(current) ? reached : current;
    }

    private static Instant earliest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    private static Instant latest(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }
}
