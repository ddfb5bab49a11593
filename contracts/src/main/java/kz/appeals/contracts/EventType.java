package kz.appeals.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every CloudEvents {@code type} of an appeal's lifecycle, with the topic it travels on and the record that is its
 * {@code data}. The wire names are part of the public contract: a breaking change is a new {@code .v2} type, never
 * an edit of an existing one.
 */
public enum EventType {
    SUBMITTED("kz.appeals.appeal.submitted.v1", Topics.INTAKE, AppealEvents.Submitted.class),

    ROUTED("kz.appeals.appeal.routed.v1", Topics.ROUTING, AppealEvents.Routed.class),
    REDIRECTED("kz.appeals.appeal.redirected.v1", Topics.ROUTING, AppealEvents.Redirected.class),
    NEEDS_TRIAGE("kz.appeals.appeal.needs-triage.v1", Topics.ROUTING, AppealEvents.NeedsTriage.class),
    OUTSIDE_COMPETENCE("kz.appeals.appeal.outside-competence.v1", Topics.ROUTING, AppealEvents.OutsideCompetence.class),

    ACKNOWLEDGED("kz.appeals.appeal.acknowledged.v1", Topics.RESPONSE, AppealEvents.Acknowledged.class),
    EXTENDED("kz.appeals.appeal.extended.v1", Topics.RESPONSE, AppealEvents.Extended.class),
    REDIRECT_REQUESTED("kz.appeals.appeal.redirect-requested.v1", Topics.RESPONSE, AppealEvents.RedirectRequested.class),
    ANSWERED("kz.appeals.appeal.answered.v1", Topics.RESPONSE, AppealEvents.Answered.class),
    RATED("kz.appeals.appeal.rated.v1", Topics.RESPONSE, AppealEvents.Rated.class),
    REOPENED("kz.appeals.appeal.reopened.v1", Topics.RESPONSE, AppealEvents.Reopened.class),

    DEADLINE_WARNING("kz.appeals.appeal.deadline-warning.v1", Topics.ESCALATION, AppealEvents.DeadlineWarning.class),
    DEEMED_REFUSED("kz.appeals.appeal.deemed-refused.v1", Topics.ESCALATION, AppealEvents.DeemedRefused.class),
    ESCALATED("kz.appeals.appeal.escalated.v1", Topics.ESCALATION, AppealEvents.Escalated.class),
    DUE_DATE_RECALCULATED("kz.appeals.appeal.due-date-recalculated.v1", Topics.ESCALATION,
            AppealEvents.DueDateRecalculated.class),

    SETTLEMENT_PUBLISHED("kz.appeals.territory.settlement.v1", Topics.TERRITORY, TerritoryEvents.SettlementPublished.class),
    TERRITORIAL_UNIT_PUBLISHED("kz.appeals.territory.unit.v1", Topics.TERRITORY,
            TerritoryEvents.TerritorialUnitPublished.class),

    CALENDAR_YEAR_PUBLISHED("kz.appeals.calendar.year.v1", Topics.CALENDAR, CalendarEvents.CalendarYearPublished.class);

    private final String wireName;
    private final String topic;
    private final Class<? extends ContractEvent> dataType;

    EventType(String wireName, String topic, Class<? extends ContractEvent> dataType) {
        this.wireName = wireName;
        this.topic = topic;
        this.dataType = dataType;
    }

    /** The CloudEvents {@code type} attribute. */
    public String wireName() {
        return wireName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ContractEvent> dataType() {
        return dataType;
    }

    /** File name (without extension) of this type's JSON Schema and example, e.g. {@code appeal.submitted.v1}. */
    public String resourceName() {
        return wireName.substring("kz.appeals.".length());
    }

    public static Optional<EventType> fromWireName(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static EventType of(Class<? extends ContractEvent> dataType) {
        return Arrays.stream(values()).filter(t -> t.dataType == dataType).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No event type for " + dataType.getSimpleName()));
    }
}
