package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.SmallCounts;
import kz.appeals.analytics.domain.TerritoryMetrics;

import java.util.List;
import java.util.function.Function;

import static kz.appeals.analytics.api.OpenDataColumn.Published.COUNT;

/**
 * The columns of the open-data export, in order, each with its meaning: the export's column dictionary
 * ({@code GET /api/v1/open-data/dictionary}, docs/open-data.md). Aggregates of a territory only: no appeal, applicant
 * or officer appears in it, and no count small enough to point at one ({@link SmallCounts}): a count of 1–4 reads
 * "&lt;5", a figure computed from one is empty.
 */
enum OpenDataColumn {
    PERIOD_FROM("date", "first registration day of the period (ISO 8601)", m -> m.period().from()),
    PERIOD_TO("date", "last registration day of the period, inclusive", m -> m.period().to()),
    LEVEL("text", "territorial level of the row: RURAL_DISTRICT, DISTRICT or REGION", TerritoryMetrics::level),
    KATO("text", "KATO code of the territory (9 digits; its leading digits give the region and district)",
            TerritoryMetrics::kato),
    NAME_KK("text", "name in Kazakh, from the territorial reference", m -> m.territory().nameKk()),
    NAME_RU("text", "name in Russian, from the territorial reference", m -> m.territory().nameRu()),
    RESIDENTS("integer", "residents of the territory's rural districts, when every one is known",
            m -> m.territory().residents()),
    AKIM_ELECTED_SINCE("date", "for a rural district, the day its akim took office; the trust index counts from it",
            m -> m.territory().akimElectedSince()),
    RECEIVED(COUNT, "integer", "appeals registered in the period and routed to a body for this territory",
            TerritoryMetrics::received),
    RECEIVED_PER_1000_RESIDENTS("decimal", "received per 1,000 residents", TerritoryMetrics::receivedPer1000Residents,
            m -> List.of(m.received())),
    ANSWERED(COUNT, "integer", "of those, answered at least once", TerritoryMetrics::answered),
    ANSWERED_ON_TIME(COUNT, "integer", "first answer on or before the body's due date (APPK: 15 working days)",
            TerritoryMetrics::answeredOnTime),
    ON_TIME_RATE("decimal", "answered_on_time / answered", TerritoryMetrics::onTimeRate,
            m -> List.of(m.answeredOnTime(), m.answered())),
    MEDIAN_WORKING_DAYS_TO_ANSWER("decimal", "median working days from the start of the body's term to the first "
            + "answer", m -> m.workingDaysToAnswer().median(),
            m -> List.of(m.answered())),
    P90_WORKING_DAYS_TO_ANSWER("decimal", "90th percentile of the same", m -> m.workingDaysToAnswer().p90(),
            m -> List.of(m.answered())),
    EXTENDED(COUNT, "integer", "terms extended by the head of the body (APPK Art. 76)", TerritoryMetrics::extended),
    REDIRECTED(COUNT, "integer", "appeals redirected to another body at least once", TerritoryMetrics::redirected),
    DEEMED_REFUSED(COUNT, "integer", "appeals deemed refused for want of a decision in time (APPK Art. 91(2))",
            TerritoryMetrics::deemedRefused),
    ESCALATED(COUNT, "integer", "appeals escalated to a higher body at least once", TerritoryMetrics::escalated),
    REACHED_DISTRICT_AKIMAT(COUNT, "integer", "escalations that reached at least the district akimat",
            m -> m.escalations().reachedDistrictAkimat()),
    REACHED_REGION(COUNT, "integer", "escalations that reached at least the region",
            m -> m.escalations().reachedRegion()),
    REACHED_PRESIDENTIAL_ADMINISTRATION(COUNT, "integer", "escalations that reached the Presidential Administration",
            m -> m.escalations().reachedPresidentialAdministration()),
    REACHED_PRESIDENTIAL_ADMINISTRATION_PER_100("decimal", "reached_presidential_administration per 100 appeals "
            + "received", m -> m.escalations().reachedPresidentialAdministrationPer100(),
            m -> List.of(m.escalations().reachedPresidentialAdministration(), m.received())),
    REACHED_PRESIDENTIAL_ADMINISTRATION_PER_1000_RESIDENTS("decimal", "reached_presidential_administration per "
            + "1,000 residents", m -> m.escalations().reachedPresidentialAdministrationPer1000Residents(),
            m -> List.of(m.escalations().reachedPresidentialAdministration())),
    KEPT_LOCALLY(COUNT, "integer", "appeals neither deemed refused nor escalated above the rural district",
            TerritoryMetrics::keptLocally),
    REOPENED(COUNT, "integer", "appeals the applicant reopened as not satisfied", TerritoryMetrics::reopened),
    RATED(COUNT, "integer", "answers the applicant rated", TerritoryMetrics::rated),
    SATISFIED(COUNT, "integer", "of those, rated satisfied", TerritoryMetrics::satisfied),
    SATISFACTION_RATE("decimal", "satisfied / rated", TerritoryMetrics::satisfactionRate,
            m -> List.of(m.satisfied(), m.rated())),
    TRUST_APPEALS(COUNT, "decimal", "weighted appeals the trust index counts (repeated appeals merged, weight capped)",
            m -> m.trustBasis().appeals()),
    TRUST_KEPT_LOCALLY(COUNT, "decimal", "of those, weighted appeals kept locally", m -> m.trustBasis().keptLocally()),
    TRUST_INDEX("decimal", "lower bound of the 95% Wilson interval of trust_kept_locally / trust_appeals",
            m -> m.trust() == null ? null : m.trust().lower(),
            m -> List.of(m.trustBasis().appeals())),
    TRUST_INDEX_UPPER("decimal", "upper bound of the same interval", m -> m.trust() == null ? null : m.trust().upper(),
            m -> List.of(m.trustBasis().appeals()));

    /** Marks a column whose value is itself a count, published as "&lt;5" when it is small. */
    enum Published { COUNT }

    private final String type;
    private final String meaning;
    private final Function<TerritoryMetrics, Object> value;
    /** The counts the value is computed from; null for what is published as it is (codes, names, dates). */
    private final Function<TerritoryMetrics, List<? extends Number>> basedOn;
    private final boolean count;

    /** Published as it is: it says nothing of a person. */
    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value) {
        this(type, meaning, value, null, false);
    }

    /** A count: "&lt;5" when it is 1–4. */
    OpenDataColumn(Published count, String type, String meaning, Function<TerritoryMetrics, Object> value) {
        this(type, meaning, value, m -> List.of((Number) value.apply(m)), true);
    }

    /** A figure computed from counts: empty when any of them is 1–4. */
    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value,
                   Function<TerritoryMetrics, List<? extends Number>> basedOn) {
        this(type, meaning, value, basedOn, false);
    }

    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value,
                   Function<TerritoryMetrics, List<? extends Number>> basedOn, boolean count) {
        this.type = type;
        this.meaning = count ? meaning + "; " + SmallCounts.SUPPRESSED + " when 1 to " + (SmallCounts.THRESHOLD - 1)
                : basedOn != null ? meaning + "; empty when computed from a count of 1 to "
                + (SmallCounts.THRESHOLD - 1) : meaning;
        this.value = value;
        this.basedOn = basedOn;
        this.count = count;
    }

    String columnName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String type() {
        return type;
    }

    String meaning() {
        return meaning;
    }

    /** As published: empty when a rate has no denominator, small counts and what they give suppressed. */
    Object valueOf(TerritoryMetrics metrics) {
        if (basedOn != null && basedOn.apply(metrics).stream().anyMatch(SmallCounts::identifying)) {
            return count ? SmallCounts.SUPPRESSED : null;
        }
        return value.apply(metrics);
    }
}
