package kz.appeals.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The {@code data} of every lifecycle event. Public topics carry no personal data: the applicant appears only as a
 * keyed-hash pseudonym ({@code applicantRef}); people acting for a body appear as their account reference.
 * Optional fields are {@code null} when absent and may be added within a version; nothing is ever removed.
 */
public final class AppealEvents {

    /** Common shape: every event is about one appeal (its CloudEvents subject) and says when it happened. */
    public sealed interface AppealEvent extends ContractEvent permits Submitted, Routed, Redirected, NeedsTriage, OutsideCompetence,
            Acknowledged, Extended, RedirectRequested, Answered, Rated, Reopened, DeadlineWarning, DeemedRefused,
            Escalated, DueDateRecalculated {
        UUID appealId();

        @Override
        default String subject() {
            return appealId().toString();
        }
    }

    /**
     * A territorial or sectoral body that answers appeals, e.g. a rural district akim's office; its code is in the
     * one form of {@link BodyCode}, whoever publishes it.
     */
    public record Body(String code, BodyLevel level, String katoCode, String nameKk, String nameRu) {
        public Body {
            BodyCode.require(code);
        }
    }

    public enum BodyLevel {
        RURAL_DISTRICT, DISTRICT_AKIMAT, REGION_AKIMAT, PRESIDENTIAL_ADMINISTRATION, UTILITY, NATIONAL_AGENCY
    }

    /** Where the problem is (not where the applicant lives). At least one of the three is present. */
    public record Location(String katoCode, Double latitude, Double longitude, String addressText) {
    }

    public enum AppealType {APPLICATION, COMPLAINT, PROPOSAL, REQUEST, RESPONSE, REPORT}

    public enum Language {kk, ru, en}

    public enum RoutingMethod {KATO, COORDINATES, ADDRESS, CATEGORY, MANUAL}

    /** How one rule of routing's decision chain fared: it decided, it had nothing to work with, or it found nothing. */
    public enum StepOutcome {DECIDED, NOT_GIVEN, NO_MATCH}

    /** One rule of routing's decision chain (KATO, coordinates, address, competence) and why it fared so. */
    public record RoutingStep(RoutingMethod method, StepOutcome outcome, String detail) {
    }

    public enum Outcome {SATISFIED, PARTIALLY_SATISFIED, REFUSED, EXPLAINED}

    public enum WarningThreshold {HALF_TERM, THREE_QUARTERS_TERM, ONE_WORKING_DAY_LEFT}

    /** Accepted and registered by intake (APPK Art. 64). */
    public record Submitted(UUID appealId, String receiptNumber, AppealType appealType, String categoryCode,
                            String description, Language language, Location location, String channel,
                            String applicantRef, boolean anonymousSignal, int attachmentCount,
                            Instant registeredAt, LocalDate registrationDay, Instant occurredAt)
            implements AppealEvent {
    }

    /**
     * Routing chose the body that must answer; carries what the body's inbox needs to show. {@code higherBodies}
     * (optional, added in v1): the akimats of the place's district and region, nearest first, as routing names them.
     */
    public record Routed(UUID appealId, String receiptNumber, Body body, String ruralDistrictKato, String districtKato,
                         String regionKato, RoutingMethod method, String reason, AppealType appealType,
                         String categoryCode, String description, Language language, LocalDate registrationDay,
                         Instant occurredAt, List<RoutingStep> steps, UUID issueId, List<Body> higherBodies)
            implements AppealEvent {

        /** Without the optional higher bodies. */
        public Routed(UUID appealId, String receiptNumber, Body body, String ruralDistrictKato, String districtKato,
                      String regionKato, RoutingMethod method, String reason, AppealType appealType,
                      String categoryCode, String description, Language language, LocalDate registrationDay,
                      Instant occurredAt, List<RoutingStep> steps, UUID issueId) {
            this(appealId, receiptNumber, body, ruralDistrictKato, districtKato, regionKato, method, reason,
                    appealType, categoryCode, description, language, registrationDay, occurredAt, steps, issueId,
                    null);
        }

        /** Without the optional decision steps and issue. */
        public Routed(UUID appealId, String receiptNumber, Body body, String ruralDistrictKato, String districtKato,
                      String regionKato, RoutingMethod method, String reason, AppealType appealType,
                      String categoryCode, String description, Language language, LocalDate registrationDay,
                      Instant occurredAt) {
            this(appealId, receiptNumber, body, ruralDistrictKato, districtKato, regionKato, method, reason,
                    appealType, categoryCode, description, language, registrationDay, occurredAt, null, null, null);
        }
    }

    /**
     * The first body said "not ours"; routing chose another (APPK Art. 76: within 3 working days).
     * {@code higherBodies} as on {@link Routed}.
     */
    public record Redirected(UUID appealId, String receiptNumber, Body fromBody, Body body, String ruralDistrictKato,
                             String districtKato, String regionKato, RoutingMethod method, String reason,
                             AppealType appealType, String categoryCode, String description, Language language,
                             LocalDate registrationDay, Instant occurredAt, List<RoutingStep> steps, UUID issueId,
                             List<Body> higherBodies) implements AppealEvent {

        /** Without the optional higher bodies. */
        public Redirected(UUID appealId, String receiptNumber, Body fromBody, Body body, String ruralDistrictKato,
                          String districtKato, String regionKato, RoutingMethod method, String reason,
                          AppealType appealType, String categoryCode, String description, Language language,
                          LocalDate registrationDay, Instant occurredAt, List<RoutingStep> steps, UUID issueId) {
            this(appealId, receiptNumber, fromBody, body, ruralDistrictKato, districtKato, regionKato, method, reason,
                    appealType, categoryCode, description, language, registrationDay, occurredAt, steps, issueId,
                    null);
        }

        /** Without the optional decision steps and issue. */
        public Redirected(UUID appealId, String receiptNumber, Body fromBody, Body body, String ruralDistrictKato,
                          String districtKato, String regionKato, RoutingMethod method, String reason,
                          AppealType appealType, String categoryCode, String description, Language language,
                          LocalDate registrationDay, Instant occurredAt) {
            this(appealId, receiptNumber, fromBody, body, ruralDistrictKato, districtKato, regionKato, method, reason,
                    appealType, categoryCode, description, language, registrationDay, occurredAt, null, null, null);
        }
    }

    /** No rule could choose a body: an operator must assign one. */
    public record NeedsTriage(UUID appealId, String receiptNumber, String reason, Instant occurredAt,
                              List<RoutingStep> steps) implements AppealEvent {

        /** Without the optional decision steps. */
        public NeedsTriage(UUID appealId, String receiptNumber, String reason, Instant occurredAt) {
            this(appealId, receiptNumber, reason, occurredAt, null);
        }
    }

    /**
     * The competence rules say no public body handles the appeal's subject (e.g. a dispute between private
     * parties): the applicant is told so and where such matters go, instead of the appeal being dropped.
     */
    public record OutsideCompetence(UUID appealId, String receiptNumber, String categoryCode, String reason,
                                    Language language, Instant occurredAt, List<RoutingStep> steps)
            implements AppealEvent {
    }

    public record Acknowledged(UUID appealId, String bodyCode, String actorRef, Instant occurredAt)
            implements AppealEvent {
    }

    /** The head of the body extended the term (APPK Art. 76: at most two months in total). */
    public record Extended(UUID appealId, String bodyCode, LocalDate newDueDate, String reason, String actorRef,
                           Instant occurredAt) implements AppealEvent {
    }

    public record RedirectRequested(UUID appealId, String bodyCode, String reason, String actorRef,
                                    Instant occurredAt) implements AppealEvent {
    }

    public record Answered(UUID appealId, String bodyCode, Outcome outcome, Language language, String text,
                           int cycle, String actorRef, Instant occurredAt) implements AppealEvent {
    }

    /** {@code applicantRef} (optional, added in v1): the pseudonym of the applicant who rated, as on Submitted. */
    public record Rated(UUID appealId, String bodyCode, boolean satisfied, String comment, int cycle,
                        Instant occurredAt, String applicantRef) implements AppealEvent {

        /** Without the optional applicant reference, as before it was added. */
        public Rated(UUID appealId, String bodyCode, boolean satisfied, String comment, int cycle, Instant occurredAt) {
            this(appealId, bodyCode, satisfied, comment, cycle, occurredAt, null);
        }
    }

    /**
     * {@code applicantRef} and {@code newDueDate} (optional, added in v1): who reopened the appeal, as on Submitted,
     * and the last day of the new cycle's term.
     */
    public record Reopened(UUID appealId, String bodyCode, String reason, int cycle, Instant occurredAt,
                           String applicantRef, LocalDate newDueDate) implements AppealEvent {

        /** Without the optional fields, as before they were added. */
        public Reopened(UUID appealId, String bodyCode, String reason, int cycle, Instant occurredAt) {
            this(appealId, bodyCode, reason, cycle, occurredAt, null, null);
        }
    }

    public record DeadlineWarning(UUID appealId, String bodyCode, BodyLevel level, WarningThreshold threshold,
                                  LocalDate dueDate, Instant occurredAt) implements AppealEvent {
    }

    /** No decision in time: deemed refused from the day the term expired (APPK Art. 91(2)). */
    public record DeemedRefused(UUID appealId, String bodyCode, BodyLevel level, LocalDate dueDate,
                                Instant occurredAt) implements AppealEvent {
    }

    public record Escalated(UUID appealId, Body fromBody, Body toBody, LocalDate lapsedDueDate, LocalDate newDueDate,
                            Instant occurredAt) implements AppealEvent {
    }

    /**
     * The working calendar changed (a year's data was loaded) and the running term of {@code bodyCode} in
     * {@code cycle} now ends on {@code dueDate} instead of {@code previousDueDate}. Escalation owns the due date; a
     * reader that shows {@code previousDueDate} for that body and cycle shows {@code dueDate} from now on.
     */
    public record DueDateRecalculated(UUID appealId, String bodyCode, BodyLevel level, int cycle,
                                      LocalDate previousDueDate, LocalDate dueDate, int calendarYear,
                                      Instant occurredAt) implements AppealEvent {
    }

    private AppealEvents() {
    }
}
