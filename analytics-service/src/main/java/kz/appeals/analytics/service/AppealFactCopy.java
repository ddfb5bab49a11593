package kz.appeals.analytics.service;

import kz.appeals.analytics.domain.AppealFact;
import kz.appeals.platform.bulk.CopyWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Facts written with COPY, column by column as {@link AppealFact} maps them (AppealFactCopyTest holds the two
 * together): the bulk replay writes millions at once, which Hibernate's flush would take an hour for.
 */
final class AppealFactCopy {

    static final List<String> COLUMNS = List.of("appeal_id", "receipt_number", "category_code", "appeal_type",
            "registration_day", "body_code", "rural_district_kato", "district_kato", "region_kato", "routed_at",
            "routing_method", "routing_decided_at", "first_answered_at", "outcome", "outcome_cycle", "outcome_at",
            "extended", "redirected_count", "deemed_refused", "escalation_level", "rated_satisfied", "rating_cycle",
            "rated_at", "reopened_count", "last_event_at", "applicant_ref", "issue_id", "term_start_day");

    private static final String COPY = "copy appeal_fact (" + String.join(", ", COLUMNS) + ") from stdin";

    static long copy(Connection connection, List<AppealFact> facts) throws SQLException {
        try (CopyWriter copy = CopyWriter.open(connection, COPY)) {
            for (AppealFact fact : facts) {
                copy.value(fact.appealId).value(fact.receiptNumber).value(fact.categoryCode)
                        .value(name(fact.appealType)).value(fact.registrationDay).value(fact.bodyCode)
                        .value(fact.ruralDistrictKato).value(fact.districtKato).value(fact.regionKato)
                        .value(fact.routedAt).value(name(fact.routingMethod)).value(fact.routingDecidedAt)
                        .value(fact.firstAnsweredAt).value(name(fact.outcome)).value(fact.outcomeCycle)
                        .value(fact.outcomeAt).value(fact.extended).value(fact.redirectedCount)
                        .value(fact.deemedRefused).value(name(fact.escalationLevel)).value(fact.ratedSatisfied)
                        .value(fact.ratingCycle).value(fact.ratedAt).value(fact.reopenedCount)
                        .value(fact.lastEventAt).value(fact.applicantRef).value(fact.issueId)
                        .value(fact.termStartDay)
                        .endRow();
            }
            return copy.finish();
        }
    }

    /** As the entity's {@code EnumType.STRING} columns hold them. */
    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private AppealFactCopy() {
    }
}
