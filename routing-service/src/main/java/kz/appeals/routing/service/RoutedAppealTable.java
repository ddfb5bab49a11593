package kz.appeals.routing.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.AppealType;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Language;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.routing.domain.IssueGrouping;
import kz.appeals.routing.domain.RelatedAppealsPolicy;
import kz.appeals.routing.domain.RoutedAppeal.Status;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Every statement of the event path and of the triage assignment on {@code routed_appeal}, in plain JDBC on the
 * transaction's connection: each reads or writes a whole batch at once ({@code unnest} of arrays), so a polled batch
 * costs the same few round trips whatever its size. Screens read the table with Panache ({@link RoutingQueries}).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class RoutedAppealTable {

    /** What intake told about an appeal: all a decision needs, again on a redirect. */
    record Appeal(UUID appealId, String receiptNumber, AppealType appealType, String categoryCode,
                  String description, Language language, Location location, LocalDate registrationDay) {

        static Appeal of(AppealEvents.Submitted submitted) {
            return new Appeal(submitted.appealId(), submitted.receiptNumber(), submitted.appealType(),
                    submitted.categoryCode(), submitted.description(), submitted.language(), submitted.location(),
                    submitted.registrationDay());
        }

        Double latitude() {
            return location == null ? null : location.latitude();
        }

        Double longitude() {
            return location == null ? null : location.longitude();
        }
    }

    /** The last decision on an appeal; {@code body} and {@code method} only when routed. */
    record Decision(Status status, Body body, RoutingMethod method, String reason, Instant decidedAt, String steps,
                    UUID issueId, String settlementKato) {
    }

    /** A row: the appeal, the bodies that said "not ours" (never chosen again for it), the last decision. */
    record Row(Appeal appeal, Set<String> excludedBodies, Decision decision) {
    }

    private final AgroalDataSource dataSource;

    RoutedAppealTable(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return those of {@code appealIds} that have a row */
    Set<UUID> existing(Collection<UUID> appealIds) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select appeal_id from routed_appeal where appeal_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", appealIds.toArray()));
            Set<UUID> existing = new HashSet<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.add(rows.getObject(1, UUID.class));
                }
            }
            return existing;
        } catch (SQLException e) {
            throw failed("Routed appeals could not be read", e);
        }
    }

    /**
     * The stored open routed appeals that may lend an issue to the newcomers, in one statement: those of each
     * searching newcomer's category in its search box, and the earliest of each settlement searched.
     */
    IssueGrouping issueGrouping(List<IssueGrouping.Newcomer> newcomers) {
        List<IssueGrouping.Newcomer> nearby = newcomers.stream().filter(IssueGrouping.Newcomer::searchesNearby)
                .toList();
        // the earliest of a settlement once, however many newcomers search it
        List<IssueGrouping.Newcomer> inSettlement = newcomers.stream()
                .filter(IssueGrouping.Newcomer::searchesSettlement)
                .map(n -> new IssueGrouping.Newcomer(n.categoryCode(), null, null, n.settlementKato()))
                .distinct().toList();
        if (nearby.isEmpty() && inSettlement.isEmpty()) {
            return new IssueGrouping(List.of(), List.of());
        }
        double latitudeMargin = RelatedAppealsPolicy.latitudeMargin();
        // Only open routed appeals already in an issue lend it (the partial indexes hold just those).
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     (select distinct a.appeal_id, a.category_code, a.issue_id, a.latitude, a.longitude,
                             null::varchar as settlement_kato
                      from unnest(?::varchar[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
                           as box (category_code, south, north, west, east)
                      join routed_appeal a on a.category_code = box.category_code
                           and a.latitude between box.south and box.north
                           and a.longitude between box.west and box.east
                      where a.open and a.issue_id is not null and a.status = 'ROUTED')
                     union all
                     (select earliest.appeal_id, place.category_code, earliest.issue_id, null, null,
                             place.settlement_kato
                      from unnest(?::varchar[], ?::varchar[]) as place (category_code, settlement_kato)
                      cross join lateral (
                          select a.appeal_id, a.issue_id from routed_appeal a
                          where a.open and a.issue_id is not null and a.status = 'ROUTED'
                            and a.category_code = place.category_code and a.settlement_kato = place.settlement_kato
                          order by a.decided_at limit 1) earliest)""")) {
            select.setArray(1, array(connection, "varchar", nearby, IssueGrouping.Newcomer::categoryCode));
            select.setArray(2, array(connection, "float8", nearby, n -> n.latitude() - latitudeMargin));
            select.setArray(3, array(connection, "float8", nearby, n -> n.latitude() + latitudeMargin));
            select.setArray(4, array(connection, "float8", nearby,
                    n -> n.longitude() - RelatedAppealsPolicy.longitudeMargin(n.latitude())));
            select.setArray(5, array(connection, "float8", nearby,
                    n -> n.longitude() + RelatedAppealsPolicy.longitudeMargin(n.latitude())));
            select.setArray(6, array(connection, "varchar", inSettlement, IssueGrouping.Newcomer::categoryCode));
            select.setArray(7, array(connection, "varchar", inSettlement, IssueGrouping.Newcomer::settlementKato));
            List<IssueGrouping.Nearby> storedNearby = new ArrayList<>();
            List<IssueGrouping.EarliestInSettlement> storedEarliest = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String settlement = rows.getString(6);
                    if (settlement == null) {
                        storedNearby.add(new IssueGrouping.Nearby(rows.getObject(3, UUID.class),
                                rows.getString(2), rows.getDouble(4), rows.getDouble(5)));
                    } else {
                        storedEarliest.add(new IssueGrouping.EarliestInSettlement(rows.getString(2), settlement,
                                rows.getObject(3, UUID.class)));
                    }
                }
            }
            return new IssueGrouping(storedNearby, storedEarliest);
        } catch (SQLException e) {
            throw failed("Related appeals could not be read", e);
        }
    }

    /** New rows, in one statement; a row that exists already fails it (the caller inserts only new appeals). */
    void insert(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into routed_appeal (appeal_id, receipt_number, appeal_type, category_code, description,
                                                language, kato_code, latitude, longitude, address_text,
                                                registration_day, excluded_bodies, status, body_code, body_level,
                                                body_kato, body_name_kk, body_name_ru, method, reason, decided_at,
                                                steps, issue_id, settlement_kato)
                     select appeal_id, receipt_number, appeal_type, category_code, description, language, kato_code,
                            latitude, longitude, address_text, registration_day::date, excluded_bodies, status,
                            body_code, body_level, body_kato, body_name_kk, body_name_ru, method, reason,
                            decided_at::timestamptz, steps, issue_id, settlement_kato
                     from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::float8[], ?::float8[], ?::varchar[], ?::text[], ?::varchar[],
                                 ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::uuid[], ?::varchar[])
                          as routed (appeal_id, receipt_number, appeal_type, category_code, description, language,
                                     kato_code, latitude, longitude, address_text, registration_day, excluded_bodies,
                                     status, body_code, body_level, body_kato, body_name_kk, body_name_ru, method,
                                     reason, decided_at, steps, issue_id, settlement_kato)""")) {
            insert.setArray(1, array(connection, "uuid", rows, row -> row.appeal().appealId()));
            insert.setArray(2, array(connection, "varchar", rows, row -> row.appeal().receiptNumber()));
            insert.setArray(3, array(connection, "varchar", rows, row -> row.appeal().appealType().name()));
            insert.setArray(4, array(connection, "varchar", rows, row -> row.appeal().categoryCode()));
            insert.setArray(5, array(connection, "varchar", rows, row -> row.appeal().description()));
            insert.setArray(6, array(connection, "varchar", rows, row -> row.appeal().language().name()));
            insert.setArray(7, array(connection, "varchar", rows, row -> location(row).katoCode()));
            insert.setArray(8, array(connection, "float8", rows, row -> location(row).latitude()));
            insert.setArray(9, array(connection, "float8", rows, row -> location(row).longitude()));
            insert.setArray(10, array(connection, "varchar", rows, row -> location(row).addressText()));
            insert.setArray(11, array(connection, "text", rows, row -> row.appeal().registrationDay().toString()));
            insert.setArray(12, array(connection, "varchar", rows, row -> String.join(" ", row.excludedBodies())));
            setDecisions(connection, insert, 13, rows.stream().map(Row::decision).toList());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failed("Routed appeals could not be written", e);
        }
    }

    Optional<Row> find(UUID appealId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select receipt_number, appeal_type, category_code, description, language, kato_code, latitude,
                            longitude, address_text, registration_day, excluded_bodies, status, body_code, body_level,
                            body_kato, body_name_kk, body_name_ru, method, reason, decided_at, steps, issue_id,
                            settlement_kato
                     from routed_appeal where appeal_id = ?""")) {
            select.setObject(1, appealId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Appeal appeal = new Appeal(appealId, row.getString(1), AppealType.valueOf(row.getString(2)),
                        row.getString(3), row.getString(4), Language.valueOf(row.getString(5)),
                        new Location(row.getString(6), row.getObject(7, Double.class),
                                row.getObject(8, Double.class), row.getString(9)),
                        row.getObject(10, LocalDate.class));
                Set<String> excluded = new LinkedHashSet<>(Arrays.asList(row.getString(11).split(" ")));
                excluded.remove("");
                String bodyCode = row.getString(13);
                Body body = bodyCode == null ? null : new Body(bodyCode, BodyLevel.valueOf(row.getString(14)),
                        row.getString(15), row.getString(16), row.getString(17));
                String method = row.getString(18);
                Decision decision = new Decision(Status.valueOf(row.getString(12)), body,
                        method == null ? null : RoutingMethod.valueOf(method), row.getString(19),
                        row.getObject(20, OffsetDateTime.class).toInstant(), row.getString(21),
                        row.getObject(22, UUID.class), row.getString(23));
                return Optional.of(new Row(appeal, excluded, decision));
            }
        } catch (SQLException e) {
            throw failed("Routed appeal " + appealId + " could not be read", e);
        }
    }

    /** Writes the rows' new decisions and excluded bodies (what a redirect or an assignment changes). */
    void update(List<Row> rows) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     update routed_appeal a
                     set excluded_bodies = d.excluded_bodies, status = d.status, body_code = d.body_code,
                         body_level = d.body_level, body_kato = d.body_kato, body_name_kk = d.body_name_kk,
                         body_name_ru = d.body_name_ru, method = d.method, reason = d.reason,
                         decided_at = d.decided_at::timestamptz, steps = d.steps, issue_id = d.issue_id,
                         settlement_kato = d.settlement_kato
                     from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                                 ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[],
                                 ?::uuid[], ?::varchar[])
                          as d (appeal_id, excluded_bodies, status, body_code, body_level, body_kato, body_name_kk,
                                body_name_ru, method, reason, decided_at, steps, issue_id, settlement_kato)
                     where a.appeal_id = d.appeal_id""")) {
            update.setArray(1, array(connection, "uuid", rows, row -> row.appeal().appealId()));
            update.setArray(2, array(connection, "varchar", rows, row -> String.join(" ", row.excludedBodies())));
            setDecisions(connection, update, 3, rows.stream().map(Row::decision).toList());
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed("Routed appeals could not be written", e);
        }
    }

    /** Opens or closes appeals for grouping related ones, in one statement; appeals without a row are left out. */
    void setOpen(Map<UUID, Boolean> openByAppeal) {
        if (openByAppeal.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     update routed_appeal a set open = changed.open
                     from unnest(?::uuid[], ?::boolean[]) as changed (appeal_id, open)
                     where a.appeal_id = changed.appeal_id""")) {
            update.setArray(1, connection.createArrayOf("uuid", openByAppeal.keySet().toArray()));
            update.setArray(2, connection.createArrayOf("bool", openByAppeal.values().toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw failed("Routed appeals could not be opened or closed", e);
        }
    }

    /** The decision columns, as twelve array parameters from {@code first} on. */
    private static void setDecisions(Connection connection, PreparedStatement statement, int first,
                                     List<Decision> decisions) throws SQLException {
        statement.setArray(first, array(connection, "varchar", decisions, d -> d.status().name()));
        statement.setArray(first + 1, array(connection, "varchar", decisions, d -> body(d, Body::code)));
        statement.setArray(first + 2, array(connection, "varchar", decisions, d -> body(d, b -> b.level().name())));
        statement.setArray(first + 3, array(connection, "varchar", decisions, d -> body(d, Body::katoCode)));
        statement.setArray(first + 4, array(connection, "varchar", decisions, d -> body(d, Body::nameKk)));
        statement.setArray(first + 5, array(connection, "varchar", decisions, d -> body(d, Body::nameRu)));
        statement.setArray(first + 6, array(connection, "varchar", decisions,
                d -> d.method() == null ? null : d.method().name()));
        statement.setArray(first + 7, array(connection, "varchar", decisions, Decision::reason));
        // ISO-8601 with its zone: read the same whatever the session's time zone
        statement.setArray(first + 8, array(connection, "text", decisions, d -> d.decidedAt().toString()));
        statement.setArray(first + 9, array(connection, "text", decisions, Decision::steps));
        statement.setArray(first + 10, array(connection, "uuid", decisions, Decision::issueId));
        statement.setArray(first + 11, array(connection, "varchar", decisions, Decision::settlementKato));
    }

    private static String body(Decision decision, Function<Body, String> field) {
        return decision.body() == null ? null : field.apply(decision.body());
    }

    private static Location location(Row row) {
        Location location = row.appeal().location();
        return location == null ? new Location(null, null, null, null) : location;
    }

    private static <T> Array array(Connection connection, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(column).toArray());
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
