package kz.appeals.analytics.api;

import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.SmallCounts;
import kz.appeals.analytics.domain.TerritoryMetrics;
import kz.appeals.analytics.domain.funnel.FunnelParameters;
import kz.appeals.analytics.domain.funnel.FunnelPoint;

import java.util.List;
import java.util.function.Function;

import static kz.appeals.analytics.api.OpenDataColumn.Published.COUNT;
import static kz.appeals.analytics.api.OpenDataColumn.Funnel.ESCALATIONS;
import static kz.appeals.analytics.api.OpenDataColumn.Funnel.TRUST;
import static kz.appeals.analytics.api.OpenDataColumn.Pooled.OVER_THE_EXPORT;

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
    KIND("text", "kind of body: RURAL_DISTRICT, VILLAGE_AKIMAT or SETTLEMENT_AKIMAT (compared with one another), "
            + "TOWN or TOWN_ADMINISTRATION (a town of district significance, a town administration: compared with "
            + "one another); a row's trust and escalation funnels are those of its group's rows. A unit routing "
            + "has not published a kind for reads its level", ComparisonGroup::kindOf),
    KATO("text", "KATO code of the territory (9 digits; its leading digits give the region and district)",
            TerritoryMetrics::kato),
    NAME_KK("text", "name in Kazakh, from the territorial reference", m -> m.territory().nameKk()),
    NAME_RU("text", "name in Russian, from the territorial reference", m -> m.territory().nameRu()),
    RESIDENTS("integer", "residents of the territory's rural districts and cities, when every one is known",
            m -> m.territory().residents()),
    AKIM_ELECTED_SINCE("date", "for a unit with an akim of its own, the day the akim took office; the trust index "
            + "counts from it",
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
    KEPT_LOCALLY(COUNT, "integer", "appeals neither deemed refused nor escalated above the body that held them",
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
            m -> List.of(m.trustBasis().appeals())),
    TRUST_BAND(TRUST, "text", "where trust_kept_locally / trust_appeals lies in the funnel of the rows of its "
            + "comparison group exported "
            + "(Spiegelhalter 2005, see below): WORSE_99_8 or BETTER_99_8 outside the 99.8% control limits at the "
            + "row's trust_appeals, WORSE_95 or BETTER_95 outside the 95% ones, else AS_EXPECTED",
            point -> point.band()),
    TRUST_LIMIT_95_LOWER(TRUST, "decimal", "lower 95% control limit at the row's trust_appeals",
            point -> point.limits95().lower()),
    TRUST_LIMIT_95_UPPER(TRUST, "decimal", "upper 95% control limit at the row's trust_appeals",
            point -> point.limits95().upper()),
    TRUST_LIMIT_99_8_LOWER(TRUST, "decimal", "lower 99.8% control limit at the row's trust_appeals",
            point -> point.limits998().lower()),
    TRUST_LIMIT_99_8_UPPER(TRUST, "decimal", "upper 99.8% control limit at the row's trust_appeals",
            point -> point.limits998().upper()),
    TRUST_SHRUNK(TRUST, "decimal", "empirical-Bayes (beta-binomial) estimate of the share kept locally, pulled "
            + "towards trust_reference_rate in proportion to its uncertainty", point -> point.shrunk().estimate()),
    TRUST_SHRUNK_LOWER(TRUST, "decimal", "lower end of its 95% interval", point -> point.shrunk().lower()),
    TRUST_SHRUNK_UPPER(TRUST, "decimal", "upper end of its 95% interval", point -> point.shrunk().upper()),
    TRUST_REFERENCE_RATE(TRUST, OVER_THE_EXPORT, "decimal", "the funnel's reference rate: the pooled "
            + "trust_kept_locally / trust_appeals of the rows of its comparison group exported (the country's, or the "
            + "region's with "
            + "regionKato)", FunnelParameters::referenceRate),
    TRUST_PHI(TRUST, OVER_THE_EXPORT, "decimal", "the funnel's over-dispersion estimate phi (winsorised z-scores at "
            + "10%/90%)", parameters -> parameters.overDispersion().phi()),
    TRUST_TAU2(TRUST, OVER_THE_EXPORT, "decimal", "between-district variance tau2 added to the control limits; 0 "
            + "unless phi is significantly above 1 (chi-squared, 5%)", parameters -> parameters.overDispersion().tau2()),
    ESCALATION_BAND(ESCALATIONS, "text", "where reached_district_akimat per 1,000 residents lies in the funnel of the "
            + "rows of its comparison group exported (Poisson, Spiegelhalter 2005): WORSE_99_8 or WORSE_95 above the "
            + "99.8% or 95% control "
            + "limit at the row's residents (more letters reached a higher body than chance allows), BETTER_99_8 or "
            + "BETTER_95 below the lower one, else AS_EXPECTED; empty when residents are unknown",
            point -> point.band()),
    ESCALATION_LIMIT_95_LOWER(ESCALATIONS, "decimal", "lower 95% control limit of reached_district_akimat per "
            + "1,000 residents at the row's residents", point -> point.limits95().lower()),
    ESCALATION_LIMIT_95_UPPER(ESCALATIONS, "decimal", "upper 95% control limit of the same",
            point -> point.limits95().upper()),
    ESCALATION_LIMIT_99_8_LOWER(ESCALATIONS, "decimal", "lower 99.8% control limit of the same",
            point -> point.limits998().lower()),
    ESCALATION_LIMIT_99_8_UPPER(ESCALATIONS, "decimal", "upper 99.8% control limit of the same",
            point -> point.limits998().upper()),
    ESCALATION_REFERENCE_PER_1000_RESIDENTS(ESCALATIONS, OVER_THE_EXPORT, "decimal", "the escalation funnel's "
            + "reference rate: reached_district_akimat per 1,000 residents pooled over the rows of its comparison group "
            + "exported whose "
            + "residents are known", FunnelParameters::referenceRate),
    ESCALATION_PHI(ESCALATIONS, OVER_THE_EXPORT, "decimal", "the escalation funnel's over-dispersion estimate phi",
            parameters -> parameters.overDispersion().phi()),
    ESCALATION_TAU2(ESCALATIONS, OVER_THE_EXPORT, "decimal", "between-district variance tau2 added to the "
            + "escalation funnel's limits; 0 unless phi is significantly above 1",
            parameters -> parameters.overDispersion().tau2()),
    ESCALATION_SHRUNK(ESCALATIONS, "decimal", "empirical-Bayes (gamma-Poisson) estimate of reached_district_akimat "
            + "per 1,000 residents, pulled towards escalation_reference_per_1000_residents in proportion to its "
            + "uncertainty (a village of a few hundred residents far more than a town)", point -> point.shrunk().estimate()),
    ESCALATION_SHRUNK_LOWER(ESCALATIONS, "decimal", "lower end of its 95% interval", point -> point.shrunk().lower()),
    ESCALATION_SHRUNK_UPPER(ESCALATIONS, "decimal", "upper end of its 95% interval", point -> point.shrunk().upper());

    /** Marks a column whose value is itself a count, published as "&lt;5" when it is small. */
    enum Published { COUNT }

    /**
     * The funnel a column reads: the trust index's (share kept locally), or that of letters that reached the district
     * akimat or higher per 1,000 residents; with the count its row figures are computed from.
     */
    enum Funnel {
        TRUST(OpenDataRow::trustPoint, OpenDataRow::trustFunnel, m -> m.trustBasis().appeals()),
        ESCALATIONS(OpenDataRow::escalationPoint, OpenDataRow::escalationFunnel,
                m -> m.escalations().reachedDistrictAkimat());

        private final Function<OpenDataRow, FunnelPoint> point;
        private final Function<OpenDataRow, FunnelParameters> parameters;
        private final Function<TerritoryMetrics, Number> basedOn;

        Funnel(Function<OpenDataRow, FunnelPoint> point, Function<OpenDataRow, FunnelParameters> parameters,
               Function<TerritoryMetrics, Number> basedOn) {
            this.point = point;
            this.parameters = parameters;
            this.basedOn = basedOn;
        }
    }

    /** Marks a parameter of the funnel of a comparison group's rows in the export. */
    enum Pooled { OVER_THE_EXPORT }

    static final int DECIMAL_PLACES = 4;
    private static final double ROUNDING = Math.pow(10, DECIMAL_PLACES);

    private final String type;
    private final String meaning;
    private final Function<OpenDataRow, Object> value;
    /** The counts the value is computed from; null for what is published as it is (codes, names, dates). */
    private final Function<OpenDataRow, List<? extends Number>> basedOn;
    private final boolean count;

    /** Published as it is: it says nothing of a person. */
    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value) {
        this(type, meaning, row -> value.apply(row.metrics()), null, false);
    }

    /** A parameter of the funnel of the row's comparison group, computed from its rows: published as it is. */
    OpenDataColumn(Funnel funnel, Pooled overTheExport, String type, String meaning,
                   Function<FunnelParameters, Object> value) {
        this(type, meaning, row -> value.apply(funnel.parameters.apply(row)), null, false);
    }

    /** A count: "&lt;5" when it is 1–4. */
    OpenDataColumn(Published count, String type, String meaning, Function<TerritoryMetrics, Object> value) {
        this(type, meaning, row -> value.apply(row.metrics()), row -> List.of((Number) value.apply(row.metrics())),
                true);
    }

    /** A row's funnel figure: empty when the count it is computed from is 1–4, and without a place in the funnel. */
    OpenDataColumn(Funnel funnel, String type, String meaning, Function<FunnelPoint, Object> value) {
        this(type, meaning, row -> {
            FunnelPoint point = funnel.point.apply(row);
            return point == null ? null : value.apply(point);
        }, row -> List.of(funnel.basedOn.apply(row.metrics())), false);
    }

    /** A figure computed from counts: empty when any of them is 1–4. */
    OpenDataColumn(String type, String meaning, Function<TerritoryMetrics, Object> value,
                   Function<TerritoryMetrics, List<? extends Number>> basedOn) {
        this(type, meaning, row -> value.apply(row.metrics()), row -> basedOn.apply(row.metrics()), false);
    }

    OpenDataColumn(String type, String meaning, Function<OpenDataRow, Object> value,
                   Function<OpenDataRow, List<? extends Number>> basedOn, boolean count) {
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

    /**
     * As published: empty when a rate has no denominator, small counts and what they give suppressed, decimals
     * rounded to {@link #DECIMAL_PLACES} places (more would claim a precision the counts do not have).
     */
    Object valueOf(OpenDataRow row) {
        if (basedOn != null && basedOn.apply(row).stream().anyMatch(SmallCounts::identifying)) {
            return count ? SmallCounts.SUPPRESSED : null;
        }
        Object published = value.apply(row);
        return published instanceof Double decimal && Double.isFinite(decimal)
                ? Math.round(decimal * ROUNDING) / ROUNDING : published;
    }
}
