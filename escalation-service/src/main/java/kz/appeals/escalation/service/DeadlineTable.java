package kz.appeals.escalation.service;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.escalation.domain.Deadline;
import kz.appeals.escalation.domain.DeadlineStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every statement the hot paths run on {@code deadline} — the consumers' batches, the sweep and calendar
 * recalculation — in plain JDBC on the transaction's connection. Each reads or writes a whole batch's rows at once
 * (writes: {@code unnest} of one array per column), so a batch costs the same few round trips whatever its size.
 * The screens' reads stay with Panache ({@link DeadlineRepository}).
 */
final class DeadlineTable {

    /** A column as the batch statements bind it: its name, its SQL type and its value in a deadline's state. */
    private record Column(String name, String type, Function<Deadline.State, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("appeal_id", "uuid", Deadline.State::appealId),
            new Column("registration_day", "date", Deadline.State::registrationDay),
            new Column("body_code", "varchar", state -> code(state.body())),
            new Column("body_level", "varchar", state -> level(state.body())),
            new Column("body_kato", "varchar", state -> kato(state.body())),
            new Column("body_name_kk", "varchar", state -> nameKk(state.body())),
            new Column("body_name_ru", "varchar", state -> nameRu(state.body())),
            new Column("district_kato", "varchar", Deadline.State::districtKato),
            new Column("region_kato", "varchar", Deadline.State::regionKato),
            new Column("district_akimat_code", "varchar", state -> code(state.districtAkimat())),
            new Column("district_akimat_level", "varchar", state -> level(state.districtAkimat())),
            new Column("district_akimat_kato", "varchar", state -> kato(state.districtAkimat())),
            new Column("district_akimat_name_kk", "varchar", state -> nameKk(state.districtAkimat())),
            new Column("district_akimat_name_ru", "varchar", state -> nameRu(state.districtAkimat())),
            new Column("region_akimat_code", "varchar", state -> code(state.regionAkimat())),
            new Column("region_akimat_level", "varchar", state -> level(state.regionAkimat())),
            new Column("region_akimat_kato", "varchar", state -> kato(state.regionAkimat())),
            new Column("region_akimat_name_kk", "varchar", state -> nameKk(state.regionAkimat())),
            new Column("region_akimat_name_ru", "varchar", state -> nameRu(state.regionAkimat())),
            new Column("redirected_at", "timestamptz", Deadline.State::redirectedAt),
            new Column("cycle", "int4", Deadline.State::cycle),
            new Column("answered_cycle", "int4", Deadline.State::answeredCycle),
            new Column("reopen_day", "date", Deadline.State::reopenDay),
            new Column("extension_due_date", "date", Deadline.State::extensionDueDate),
            new Column("extension_body_code", "varchar", Deadline.State::extensionBodyCode),
            new Column("escalation_step", "int4", Deadline.State::escalationStep),
            new Column("escalated_body_code", "varchar", state -> code(state.escalatedBody())),
            new Column("escalated_body_level", "varchar", state -> level(state.escalatedBody())),
            new Column("escalated_body_kato", "varchar", state -> kato(state.escalatedBody())),
            new Column("escalated_body_name_kk", "varchar", state -> nameKk(state.escalatedBody())),
            new Column("escalated_body_name_ru", "varchar", state -> nameRu(state.escalatedBody())),
            new Column("escalation_day", "date", Deadline.State::escalationDay),
            new Column("escalation_term", "int4", Deadline.State::escalationTerm),
            new Column("term_start", "date", Deadline.State::termStart),
            new Column("due_date", "date", Deadline.State::dueDate),
            new Column("status", "varchar", state -> state.status().name()),
            new Column("warnings_sent", "varchar", Deadline.State::warningsSent),
            new Column("wake_on", "date", Deadline.State::wakeOn),
            new Column("lapsed_at", "timestamptz", Deadline.State::lapsedAt),
            new Column("created_at", "timestamptz", Deadline.State::createdAt),
            new Column("updated_at", "timestamptz", Deadline.State::updatedAt));

    /** The key, and the creation time, which only the insert sets. */
    private static final Set<String> NOT_UPDATED = Set.of("appeal_id", "created_at");
    private static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    /** {@code unnest} of one array parameter per column, as a row source named {@code written}. */
    private static final String STATES = "unnest(%s) as written (%s)".formatted(
            COLUMNS.stream().map(column -> "?::" + column.type() + "[]").collect(Collectors.joining(", ")), NAMES);

    private static final String INSERT_STARTED = "insert into deadline (" + NAMES + ") select " + NAMES + " from "
            + STATES + " order by appeal_id on conflict do nothing";
    private static final String LOCK = "select " + NAMES
            + " from deadline where appeal_id = any(?) order by appeal_id for update";
    /*
     * The sweep skips rows another replica (or a consumer) holds instead of waiting, so replicas share the work; the
     * partial index on wake_on of running rows makes a sweep that finds nothing cost one index probe.
     */
    private static final String LOCK_WAKING = "select " + NAMES + """
             from deadline where status = 'RUNNING' and wake_on <= ?
            order by wake_on limit ? for update skip locked""";
    /*
     * Recalculation must bring every such row up to date, so it waits for a consumer that holds one; appeal id order
     * is the consumers' lock order, and the key it continues after.
     */
    private static final String LOCK_RUNNING_THROUGH = "select " + NAMES + """
             from deadline where status = 'RUNNING' and appeal_id > ?
              and term_start <= make_date(?, 12, 31) and due_date >= make_date(?, 1, 1)
            order by appeal_id limit ? for update""";
    private static final String UPDATE = "update deadline set "
            + COLUMNS.stream().map(Column::name).filter(name -> !NOT_UPDATED.contains(name))
            .map(name -> name + " = written." + name).collect(Collectors.joining(", "))
            + " from " + STATES + " where deadline.appeal_id = written.appeal_id";

    private static final DateTimeFormatter DAY = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL).appendPattern("-MM-dd").toFormatter();

    private DeadlineTable() {
    }

    /**
     * Starts the deadlines of {@code started} that have no row yet, then locks every row of those appeals until the
     * transaction ends, in one order: two channels' batches about the same appeals wait for each other instead of
     * deadlocking, and the sweep, which skips locked rows, leaves them alone meanwhile. The inserts go in the same
     * order, so two batches that both start an appeal do not deadlock either: the second waits for the first's
     * commit and then finds its row.
     *
     * @param started a new deadline for each appeal of the batch, once each
     * @return each appeal's deadline as stored, in appeal id order
     */
    static List<Deadline> startAndLock(Connection connection, Collection<Deadline> started) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STARTED)) {
            bindStates(connection, insert, started);
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(LOCK)) {
            select.setArray(1, connection.createArrayOf("uuid",
                    started.stream().map(Deadline::appealId).toArray(UUID[]::new)));
            return restoreAll(select);
        }
    }

    /**
     * Up to {@code limit} running deadlines with something to do by {@code today} (their {@code wake_on}: a warning
     * or the lapse), earliest first, locked until the transaction ends; rows locked elsewhere are skipped.
     */
    static List<Deadline> lockWakingBy(Connection connection, LocalDate today, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_WAKING)) {
            select.setObject(1, today);
            select.setInt(2, limit);
            return restoreAll(select);
        }
    }

    /**
     * Up to {@code limit} running deadlines after {@code afterAppealId} (in id order) whose current term may count
     * days of {@code year}: it starts by the year's end and ends on or after its first day. Locked, waiting for rows
     * locked elsewhere.
     */
    static List<Deadline> lockRunningThrough(Connection connection, int year, UUID afterAppealId, int limit)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(LOCK_RUNNING_THROUGH)) {
            select.setObject(1, afterAppealId);
            select.setInt(2, year);
            select.setInt(3, year);
            select.setInt(4, limit);
            return restoreAll(select);
        }
    }

    /** Writes every column of {@code deadlines}, whose rows this transaction locked, in one statement. */
    static void update(Connection connection, Collection<Deadline> deadlines) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            bindStates(connection, update, deadlines);
            update.executeUpdate();
        }
    }

    /** The deadlines {@code select} reads, in its order. */
    private static List<Deadline> restoreAll(PreparedStatement select) throws SQLException {
        List<Deadline> deadlines = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                deadlines.add(Deadline.restore(read(rows)));
            }
        }
        return deadlines;
    }

    /**
     * One array per column, its values as PostgreSQL's text form (ISO dates and instants, enum names), which the
     * statement's cast reads whatever the session's time zone.
     */
    private static void bindStates(Connection connection, PreparedStatement statement, Collection<Deadline> deadlines)
            throws SQLException {
        List<Deadline.State> states = deadlines.stream().map(Deadline::state).toList();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            statement.setArray(i + 1, connection.createArrayOf(column.type(), states.stream()
                    .map(column.value()).map(DeadlineTable::text).toArray(String[]::new)));
        }
    }

    private static String text(Object value) {
        // LocalDate.toString writes a year past 9999 with a '+', which PostgreSQL reads as a time zone
        return value == null ? null : value instanceof LocalDate day ? DAY.format(day) : value.toString();
    }

    private static Deadline.State read(ResultSet row) throws SQLException {
        return new Deadline.State(row.getObject("appeal_id", UUID.class),
                row.getObject("registration_day", LocalDate.class),
                body(row, "body"),
                row.getString("district_kato"),
                row.getString("region_kato"),
                body(row, "district_akimat"),
                body(row, "region_akimat"),
                instant(row, "redirected_at"),
                row.getInt("cycle"),
                row.getInt("answered_cycle"),
                row.getObject("reopen_day", LocalDate.class),
                row.getObject("extension_due_date", LocalDate.class),
                row.getString("extension_body_code"),
                row.getInt("escalation_step"),
                body(row, "escalated_body"),
                row.getObject("escalation_day", LocalDate.class),
                row.getObject("escalation_term", Integer.class),
                row.getObject("term_start", LocalDate.class),
                row.getObject("due_date", LocalDate.class),
                DeadlineStatus.valueOf(row.getString("status")),
                row.getString("warnings_sent"),
                row.getObject("wake_on", LocalDate.class),
                instant(row, "lapsed_at"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    /** The body stored in the columns {@code prefix_code} … {@code prefix_name_ru}; null when it has no code. */
    private static Body body(ResultSet row, String prefix) throws SQLException {
        String code = row.getString(prefix + "_code");
        if (code == null) {
            return null;
        }
        String level = row.getString(prefix + "_level");
        return new Body(code, level == null ? null : BodyLevel.valueOf(level), row.getString(prefix + "_kato"),
                row.getString(prefix + "_name_kk"), row.getString(prefix + "_name_ru"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String code(Body body) {
        return body == null ? null : body.code();
    }

    private static String level(Body body) {
        return body == null || body.level() == null ? null : body.level().name();
    }

    private static String kato(Body body) {
        return body == null ? null : body.katoCode();
    }

    private static String nameKk(Body body) {
        return body == null ? null : body.nameKk();
    }

    private static String nameRu(Body body) {
        return body == null ? null : body.nameRu();
    }
}
