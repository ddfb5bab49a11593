package kz.appeals.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.AppealProgress;
import kz.appeals.intake.domain.AppealStep;
import kz.appeals.intake.domain.CitizenStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static kz.appeals.intake.service.JdbcArrays.array;

/**
 * Every statement of the citizen's timeline on the event path, in plain JDBC on the consuming transaction's
 * connection: {@code appeal_step} and {@code appeal_progress}, the one projection the lifecycle consumers write
 * (progress is the fold of the steps). Each statement reads or writes a whole batch ({@code unnest} of arrays).
 * Reads for screens stay with the entities ({@link CitizenTimeline#of}, Open311).
 */
@ApplicationScoped
class TimelineTable {

    /** An appeal's steps so far, and its progress: a new, unsaved one if nothing happened to it yet. */
    record Timeline(AppealProgress progress, List<AppealStep> steps) {
    }

    /** The first key of the timeline's advisory locks ("INTA"; the second is the appeal id's hash). */
    static final int TIMELINE_LOCKS = 0x494E5441;

    /**
     * Takes each appeal's timeline lock, in key order, then reads their progress and steps: one round trip, two
     * statements. The lock makes batches of the three channels that touch one appeal take turns, and the order keeps
     * them from deadlocking. It is an advisory lock of its own key space ({@link #TIMELINE_LOCKS}, the appeal's
     * hash), not the appeal's row: the startup sealing of plaintext rows ({@code for update skip locked}) must not
     * skip an appeal because its timeline is being written. The read must be a statement of its own: under read
     * committed a statement sees the rows committed when it starts, so only a read that starts once the locks are
     * held sees the steps of the batch it waited for.
     *
     * @return the appeals this intake registered, by id; ids of others are absent
     */
    Map<UUID, Timeline> lockAndRead(Connection connection, Collection<UUID> appealIds) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select count(pg_advisory_xact_lock(%d, hash))
                from (select distinct hash from unnest(?::integer[]) as ids (hash) order by hash) locks;
                select a.id, p.status, p.body_code, p.body_kato, p.body_name_kk, p.body_name_ru, p.due_on,
                       p.status_notes, p.cycle, p.updated_at,
                       s.event_id, s.kind, s.occurred_at, s.body_code, s.body_kato, s.body_name_kk, s.body_name_ru,
                       s.due_on, s.outcome, s.satisfied, s.text, s.cycle, s.previous_due_on
                from appeal a
                left join appeal_progress p on p.appeal_id = a.id
                left join appeal_step s on s.appeal_id = a.id
                where a.id = any(?)
                order by a.id, s.occurred_at""".formatted(TIMELINE_LOCKS))) {
            UUID[] ids = appealIds.toArray(UUID[]::new);
            select.setArray(1, connection.createArrayOf("integer",
                    appealIds.stream().map(UUID::hashCode).toArray(Integer[]::new)));
            select.setArray(2, connection.createArrayOf("uuid", ids));
            select.execute();
            if (!select.getMoreResults()) {
                throw new IllegalStateException("The driver ran the lock without the read that follows it");
            }
            Map<UUID, Timeline> timelines = new HashMap<>();
            try (ResultSet rows = select.getResultSet()) {
                while (rows.next()) {
                    UUID appealId = rows.getObject(1, UUID.class);
                    Timeline timeline = timelines.get(appealId);
                    if (timeline == null) {
                        timeline = new Timeline(progressOf(appealId, rows), new ArrayList<>());
                        timelines.put(appealId, timeline);
                    }
                    if (rows.getObject(11) != null) {
                        timeline.steps().add(stepOf(appealId, rows));
                    }
                }
            }
            return timelines;
        }
    }

    /** New steps, one row each; a step's event id is its key, so an event already recorded fails the batch. */
    void insertSteps(Connection connection, List<AppealStep> steps) throws SQLException {
        if (steps.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal_step (event_id, appeal_id, kind, occurred_at, body_code, body_kato, body_name_kk,
                                         body_name_ru, due_on, outcome, satisfied, text, cycle, previous_due_on)
                select event_id, appeal_id, kind, occurred_at::timestamptz, body_code, body_kato, body_name_kk,
                       body_name_ru, due_on::date, outcome, satisfied, text, cycle, previous_due_on::date
                from unnest(?::uuid[], ?::uuid[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::text[], ?::varchar[], ?::boolean[], ?::varchar[], ?::int[], ?::text[])
                     as step (event_id, appeal_id, kind, occurred_at, body_code, body_kato, body_name_kk,
                              body_name_ru, due_on, outcome, satisfied, text, cycle, previous_due_on)""")) {
            insert.setArray(1, array(connection, "uuid", steps, step -> step.eventId));
            insert.setArray(2, array(connection, "uuid", steps, step -> step.appealId));
            insert.setArray(3, array(connection, "varchar", steps, step -> step.kind.name()));
            insert.setArray(4, array(connection, "text", steps, step -> iso(step.occurredAt)));
            insert.setArray(5, array(connection, "varchar", steps, step -> step.bodyCode));
            insert.setArray(6, array(connection, "varchar", steps, step -> step.bodyKato));
            insert.setArray(7, array(connection, "varchar", steps, step -> step.bodyNameKk));
            insert.setArray(8, array(connection, "varchar", steps, step -> step.bodyNameRu));
            insert.setArray(9, array(connection, "text", steps, step -> iso(step.dueOn)));
            insert.setArray(10, array(connection, "varchar", steps, step -> step.outcome));
            insert.setArray(11, array(connection, "bool", steps, step -> step.satisfied));
            insert.setArray(12, array(connection, "varchar", steps, step -> step.text));
            insert.setArray(13, array(connection, "int4", steps, step -> step.cycle));
            insert.setArray(14, array(connection, "text", steps, step -> iso(step.previousDueOn)));
            insert.executeUpdate();
        }
    }

    /** The progress of each appeal, created or replaced (the caller holds the appeals' locks). */
    void saveProgress(Connection connection, List<AppealProgress> progress) throws SQLException {
        if (progress.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into appeal_progress (appeal_id, status, body_code, body_kato, body_name_kk, body_name_ru,
                                             due_on, status_notes, cycle, updated_at)
                select appeal_id, status, body_code, body_kato, body_name_kk, body_name_ru, due_on::date,
                       status_notes, cycle, updated_at::timestamptz
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::text[], ?::varchar[], ?::int[], ?::text[])
                     as progress (appeal_id, status, body_code, body_kato, body_name_kk, body_name_ru, due_on,
                                  status_notes, cycle, updated_at)
                on conflict (appeal_id) do update
                set status = excluded.status, body_code = excluded.body_code, body_kato = excluded.body_kato,
                    body_name_kk = excluded.body_name_kk, body_name_ru = excluded.body_name_ru,
                    due_on = excluded.due_on, status_notes = excluded.status_notes, cycle = excluded.cycle,
                    updated_at = excluded.updated_at""")) {
            upsert.setArray(1, array(connection, "uuid", progress, row -> row.appealId));
            upsert.setArray(2, array(connection, "varchar", progress, row -> row.status.name()));
            upsert.setArray(3, array(connection, "varchar", progress, row -> row.bodyCode));
            upsert.setArray(4, array(connection, "varchar", progress, row -> row.bodyKato));
            upsert.setArray(5, array(connection, "varchar", progress, row -> row.bodyNameKk));
            upsert.setArray(6, array(connection, "varchar", progress, row -> row.bodyNameRu));
            upsert.setArray(7, array(connection, "text", progress, row -> iso(row.dueOn)));
            upsert.setArray(8, array(connection, "varchar", progress, row -> row.statusNotes));
            upsert.setArray(9, array(connection, "int4", progress, row -> row.cycle));
            upsert.setArray(10, array(connection, "text", progress, row -> iso(row.updatedAt)));
            upsert.executeUpdate();
        }
    }

    private static AppealProgress progressOf(UUID appealId, ResultSet row) throws SQLException {
        AppealProgress progress = new AppealProgress();
        progress.appealId = appealId;
        String status = row.getString(2);
        if (status != null) {
            progress.status = CitizenStatus.valueOf(status);
            progress.bodyCode = row.getString(3);
            progress.bodyKato = row.getString(4);
            progress.bodyNameKk = row.getString(5);
            progress.bodyNameRu = row.getString(6);
            progress.dueOn = row.getObject(7, LocalDate.class);
            progress.statusNotes = row.getString(8);
            progress.cycle = row.getInt(9);
            progress.updatedAt = instant(row, 10);
        }
        return progress;
    }

    private static AppealStep stepOf(UUID appealId, ResultSet row) throws SQLException {
        AppealStep step = new AppealStep();
        step.appealId = appealId;
        step.eventId = row.getObject(11, UUID.class);
        step.kind = AppealStep.Kind.valueOf(row.getString(12));
        step.occurredAt = instant(row, 13);
        step.bodyCode = row.getString(14);
        step.bodyKato = row.getString(15);
        step.bodyNameKk = row.getString(16);
        step.bodyNameRu = row.getString(17);
        step.dueOn = row.getObject(18, LocalDate.class);
        step.outcome = row.getString(19);
        step.satisfied = row.getObject(20, Boolean.class);
        step.text = row.getString(21);
        step.cycle = row.getObject(22, Integer.class);
        step.previousDueOn = row.getObject(23, LocalDate.class);
        return step;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** ISO-8601 (an instant with its zone): read the same whatever the session's time zone. */
    private static String iso(Object value) {
        return Objects.toString(value, null);
    }
}
