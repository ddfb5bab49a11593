package kz.appeals.response.service;

import kz.appeals.response.domain.AppealStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The inbox queries as SQL over the {@code appeal} table, in plain Java so that the benchmark times exactly what the
 * service runs. Statuses are written as literals (they come from an enum, never from the caller) so that the planner
 * can match the partial index of open appeals; everything the caller chooses is a bind parameter.
 */
public final class InboxSql {

    /** Statuses in which the body still has to act, and the term can lapse. */
    public static final List<AppealStatus> OPEN = List.of(AppealStatus.ROUTED, AppealStatus.IN_WORK);

    private static final String ORDER = " order by a.due_date, a.receipt_number, a.appeal_id";

    /** A statement with positional ({@code ?}) parameters, in order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    /**
     * @param today the national day (UTC+5) against which "overdue" is judged
     * @param dueBy the last due date that counts as "due within N working days", or null without that filter
     */
    public static Statement page(Viewer viewer, InboxFilter filter, LocalDate today, LocalDate dueBy, int page,
                                 int size) {
        List<Object> parameters = new ArrayList<>();
        String where = where(viewer, filter, today, dueBy, parameters);
        parameters.add(size);
        parameters.add((long) page * size);
        return new Statement("select a.* from appeal a where " + where + ORDER + " limit ? offset ?", parameters);
    }

    public static Statement count(Viewer viewer, InboxFilter filter, LocalDate today, LocalDate dueBy) {
        List<Object> parameters = new ArrayList<>();
        String where = where(viewer, filter, today, dueBy, parameters);
        return new Statement("select count(*) from appeal a where " + where, parameters);
    }

    /** Counts 1 when the appeal is in the viewer's scope, 0 otherwise. */
    public static Statement visible(Viewer viewer, UUID appealId) {
        List<Object> parameters = new ArrayList<>();
        String scope = scope(viewer, parameters, false);
        parameters.add(appealId);
        return new Statement("select count(*) from appeal a where " + scope + " and a.appeal_id = ?", parameters);
    }

    /**
     * The appeals of the same issue, as routing grouped them ({@code issueId}, null when routing grouped none), and
     * the same applicant's other appeals; only those the viewer may see.
     */
    public static Statement related(Viewer viewer, UUID appealId, UUID issueId, int limit) {
        List<Object> parameters = new ArrayList<>();
        String scope = scope(viewer, parameters, false);
        parameters.add(appealId);
        String sameIssue = "false";
        if (issueId != null) {
            sameIssue = "a.issue_id = ?";
            parameters.add(issueId);
        }
        parameters.add(appealId);
        parameters.add(limit);
        return new Statement("select a.* from appeal a where " + scope + " and a.appeal_id <> ?"
                + " and (" + sameIssue
                + " or a.appeal_id in (select same.appeal_id from appeal_applicant same join appeal_applicant this"
                + " on this.applicant_ref = same.applicant_ref where this.appeal_id = ?))"
                + " order by a.registration_day desc, a.receipt_number limit ?", parameters);
    }

    private static String where(Viewer viewer, InboxFilter filter, LocalDate today, LocalDate dueBy,
                                List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(scope(viewer, parameters, true));
        if (filter.status() != null) {
            conditions.add("a.status = '" + filter.status().name() + "'");
        }
        if (filter.restrictsToOpen()) {
            conditions.add("a.status in (" + OPEN.stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (filter.categoryCode() != null) {
            conditions.add("a.category_code = ?");
            parameters.add(filter.categoryCode());
        }
        if (dueBy != null) {
            conditions.add("a.due_date <= ?");
            parameters.add(dueBy);
        }
        if (filter.overdue()) {
            conditions.add("a.due_date < ?");
            parameters.add(today);
        }
        if (filter.escalated()) {
            conditions.add("a.escalated");
        }
        if (filter.receiptNumber() != null) {
            conditions.add("upper(a.receipt_number) = ?");
            parameters.add(filter.receiptNumber());
        }
        return String.join(" and ", conditions);
    }

    /**
     * Which appeals the viewer may see. Each part is an index scan of its own, joined as a set of ids, so that a
     * district or region never scans the whole table. The Presidential Administration reads every appeal but lists
     * only those escalated to it ({@code listing}).
     */
    private static String scope(Viewer viewer, List<Object> parameters, boolean listing) {
        return switch (viewer.level()) {
            case OFFICE -> {
                parameters.add(viewer.katoCode());
                yield "a.body_kato = ?";
            }
            case DISTRICT_AKIMAT -> subordinatesOrEscalated("district_kato", viewer, parameters);
            case REGION_AKIMAT -> subordinatesOrEscalated("region_kato", viewer, parameters);
            case PRESIDENTIAL_ADMINISTRATION -> listing
                    ? "a.appeal_id in (select e.appeal_id from appeal_escalation e"
                    + " where e.to_body_level = 'PRESIDENTIAL_ADMINISTRATION')"
                    : "true";
        };
    }

    /** The body's subordinates' appeals, those it holds (after a take-over) and those escalated to it. */
    private static String subordinatesOrEscalated(String column, Viewer viewer, List<Object> parameters) {
        parameters.addAll(Collections.nCopies(3, viewer.katoCode()));
        return "a.appeal_id in (select s.appeal_id from appeal s where s." + column + " = ?"
                + " union all select h.appeal_id from appeal h where h.body_kato = ?"
                + " union all select e.appeal_id from appeal_escalation e where e.to_body_kato = ?)";
    }

    private InboxSql() {
    }
}
