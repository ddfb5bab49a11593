package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.TerritoryMetrics;

import java.util.function.Function;

/**
 * The columns of the open-data export, in order, each with its meaning: the export's column dictionary
 * ({@code GET /api/v1/open-data/dictionary}, docs/open-data.md). Aggregates of a territory only: no appeal, applicant
 * or officer appears in it.
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
    RECEIVED("integer", "appeals registered in the period and routed to a body for this territory",
            TerritoryMetrics::received),
    RECEIVED_PER_1000_RESIDENTS("decimal", "received per 1,000 residents", TerritoryMetrics::receivedPer1000Residents),
    ANSWERED("integer", "of those, answered at least once", TerritoryMetrics::answered),
    ANSWERED_ON_TIME("integer", "first answer on or before the body's due date (APPK: 15 working days)",
            TerritoryMetrics::answeredOnTime),
    ON_TIME_RATE("decimal", "answered_on_time / answered", TerritoryMetrics::onTimeRate),
    MEDIAN_WORKING_DAYS_TO_ANSWER("decimal", "median working days from the start of the body's term to the first "
            + "answer", m -> m.workingDaysToAnswer().median()),
    P90_WORKING_DAYS_TO_ANSWER("decimal", "90th percentile of the same", m -> m.workingDaysToAnswer().p90()),
    EXTENDED("integer", "terms extended by the head of the body (APPK Art. 76)", TerritoryMetrics::extended),
    REDIRECTED("integer", "appeals redirected to another body at least once", TerritoryMetrics::redirected),
    DEEMED_REFUSED("integer", "appeals deemed refused for want of a decision in time (APPK Art. 91(2))",
            TerritoryMetrics::deemedRefused),
    ESCALATED("integer", "appeals escalated to a higher body at least once", TerritoryMetrics::escalated),
    REACHED_DISTRICT_AKIMAT("integer", "escalations that reached at least the district akimat",
            m -> m.escalations().reachedDistrictAkimat()),
    REACHED_REGION("integer", "escalations that reached at least the region",
            m -> m.escalations().reachedRegion()),
    REACHED_PRESIDENTIAL_ADMINISTRATION("integer", "escalations that reached the Presidential Administration",
            m -> m.escalations().reachedPresidentialAdministration()),
    REACHED_PRESIDENTIAL_ADMINISTRATION_PER_100("decimal", "reached_presidential_administration per 100 appeals "
            + "received", m -> m.escalations().reachedPresidentialAdministrationPer100()),
    REACHED_PRESIDENTIAL_ADMINISTRATION_PER_1000_RESIDENTS("decimal", "reached_presidential_administration per "
            + "1,000 residents", m -> m.escalations().reachedPresidentialAdministrationPer1000Residents()),
    KEPT_LOCALLY("integer", "appeals neither deemed refused nor escalated above the rural district",
            TerritoryMetrics::keptLocally),
    REOPENED("integer", "appeals the applicant reopened as not satisfied", TerritoryMetrics::reopened),
    RATED("integer", "answers the applicant rated", TerritoryMetrics::rated),
    SATISFIED("integer", "of those, rated satisfied", TerritoryMetrics::satisfied),
    SATISFACTION_RATE("decimal", "satisfied / rated", TerritoryMetrics::satisfactionRate),
    TRUST_APPEALS("decimal", "weighted appeals the trust index counts (repeated appeals merged, weight capped)",
            m -> m.trustBasis().appeals()),
    TRUST_KEPT_LOCALLY("decimal", "of those, weighted appeals kept locally", m -> m.trustBasis().keptLocally()),
    TRUST_INDEX("decimal", "lower bound of the 95% Wilson interval of trust_kept_locally / trust_appeals",
            m -> m.trust() == null ? null : m.trust().lower()),
    TRUST_INDEX_UPPER("decimal", "upper bound of the same interval", m -> m.trust() == null ? null : m.trust().upper());

    private final String type;
    private final String meaning;
    private final Function<TerritoryMetrics, Object> value;

    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value) {
        this.type = type;
        this.meaning = meaning;
        this.value = value;
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

    /** Empty when a rate has no denominator. */
    Object valueOf(TerritoryMetrics metrics) {
        return value.apply(metrics);
    }
}
