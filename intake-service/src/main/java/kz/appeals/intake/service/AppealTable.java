package kz.appeals.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.api.AppealReceipt;
import kz.appeals.intake.api.SubmitAppealRequest.AttachmentMetadata;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static kz.appeals.intake.service.JdbcArrays.array;

/**
 * Every statement of the submission path, in plain JDBC on the group commit's connection: each writes or reads the
 * whole batch at once ({@code unnest} of arrays), so a batch costs the same handful of round trips whatever its size.
 * Reads for screens stay with Panache ({@link AppealRepository}).
 */
@ApplicationScoped
class AppealTable {

    /** What an Idempotency-Key was claimed for earlier, with the receipt of the appeal it created. */
    record EarlierClaim(String requestHash, AppealReceipt receipt) {
    }

    /** An appeal as stored: its number and time come from the batch that commits it. */
    record Registered(NewAppeal appeal, String receiptNumber, Instant registeredAt, LocalDate registrationDay) {

        AppealReceipt receipt() {
            return new AppealReceipt(appeal.id(), receiptNumber, registeredAt, registrationDay, "REGISTERED",
                    appeal.applicantRef());
        }
    }

    private final ObjectMapper json;

    AppealTable(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Claims the keys (one per key: the caller removes repeats). A key another transaction holds uncommitted is waited
     * for; keys are claimed in key order so that two writers claiming overlapping keys cannot deadlock.
     *
     * @return the keys this transaction claimed; the others were claimed before
     */
    Set<NewAppeal.ClaimedKey> claim(Connection connection, List<NewAppeal> claimants) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into idempotency_key (client, idempotency_key, request_hash, appeal_id)
                select client, idempotency_key, request_hash, appeal_id
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::uuid[])
                     as claim (client, idempotency_key, request_hash, appeal_id)
                order by client, idempotency_key
                on conflict do nothing
                returning client, idempotency_key""")) {
            insert.setArray(1, array(connection, "varchar", claimants, appeal -> appeal.key().client()));
            insert.setArray(2, array(connection, "varchar", claimants, appeal -> appeal.key().key()));
            insert.setArray(3, array(connection, "varchar", claimants, appeal -> appeal.key().requestHash()));
            insert.setArray(4, array(connection, "uuid", claimants, NewAppeal::id));
            Set<NewAppeal.ClaimedKey> claimed = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new NewAppeal.ClaimedKey(rows.getString(1), rows.getString(2)));
                }
            }
            return claimed;
        }
    }

    /** The request hash and receipt each of these keys was claimed for. */
    Map<NewAppeal.ClaimedKey, EarlierClaim> earlierClaims(Connection connection, Collection<NewAppeal.ClaimedKey> keys)
            throws SQLException {
        List<NewAppeal.ClaimedKey> list = List.copyOf(keys);
        try (PreparedStatement select = connection.prepareStatement("""
                select k.client, k.idempotency_key, k.request_hash,
                       a.id, a.receipt_number, a.registered_at, a.registration_day, a.applicant_ref
                from unnest(?::varchar[], ?::varchar[]) as wanted (client, idempotency_key)
                join idempotency_key k using (client, idempotency_key)
                join appeal a on a.id = k.appeal_id""")) {
            select.setArray(1, array(connection, "varchar", list, NewAppeal.ClaimedKey::client));
            select.setArray(2, array(connection, "varchar", list, NewAppeal.ClaimedKey::key));
            Map<NewAppeal.ClaimedKey, EarlierClaim> earlier = new HashMap<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    earlier.put(new NewAppeal.ClaimedKey(rows.getString(1), rows.getString(2)),
                            new EarlierClaim(rows.getString(3), new AppealReceipt(rows.getObject(4, UUID.class),
                                    rows.getString(5), rows.getTimestamp(6).toInstant(),
                                    rows.getObject(7, LocalDate.class), "REGISTERED", rows.getString(8))));
                }
            }
            return earlier;
        }
    }

    /**
     * The next {@code count} receipt sequence values, ascending, in one round trip. Values drawn by a transaction
     * that then rolls back are not returned to the sequence (intake README: receipt numbers may skip).
     */
    long[] nextReceiptSequences(Connection connection, int count) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select nextval('receipt_sequence') from generate_series(1, ?)")) {
            select.setInt(1, count);
            long[] values = new long[count];
            int i = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values[i++] = rows.getLong(1);
                }
            }
            Arrays.sort(values);
            return values;
        }
    }

    /** The appeals, their attachments and their Open311 origins: one statement per table that has rows. */
    void insert(Connection connection, List<Registered> rows, Instant registeredAt, LocalDate registrationDay)
            throws SQLException {
        List<NewAppeal> appeals = rows.stream().map(Registered::appeal).toList();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal (id, receipt_number, appeal_type, category_code, description, description_sealed,
                                    publication, language, kato_code, latitude, longitude, address_text, channel,
                                    applicant_sealed, anonymous_signal, applicant_ref, attributes, attachment_count,
                                    submitted_by, registered_at, registration_day)
                select id, receipt_number, appeal_type, category_code, description, description_sealed,
                       publication, language, kato_code, latitude, longitude, address_text, channel,
                       applicant_sealed, anonymous_signal, applicant_ref, attributes::jsonb, attachment_count,
                       submitted_by, ?, ?
                from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bytea[],
                            ?::varchar[], ?::varchar[], ?::varchar[], ?::float8[], ?::float8[], ?::varchar[],
                            ?::varchar[], ?::bytea[], ?::boolean[], ?::varchar[], ?::text[], ?::int[], ?::varchar[])
                     as appeal (id, receipt_number, appeal_type, category_code, description, description_sealed,
                                publication, language, kato_code, latitude, longitude, address_text, channel,
                                applicant_sealed, anonymous_signal, applicant_ref, attributes, attachment_count,
                                submitted_by)""")) {
            insert.setTimestamp(1, Timestamp.from(registeredAt));
            insert.setObject(2, registrationDay);
            insert.setArray(3, array(connection, "uuid", appeals, NewAppeal::id));
            insert.setArray(4, array(connection, "varchar", rows, Registered::receiptNumber));
            insert.setArray(5, array(connection, "varchar", appeals, appeal -> appeal.appealType().name()));
            insert.setArray(6, array(connection, "varchar", appeals, NewAppeal::categoryCode));
            insert.setArray(7, array(connection, "varchar", appeals, NewAppeal::description));
            insert.setArray(8, bytes(connection, appeals, NewAppeal::descriptionSealed));
            insert.setArray(9, array(connection, "varchar", appeals, appeal -> appeal.publication().name()));
            insert.setArray(10, array(connection, "varchar", appeals, appeal -> appeal.language().name()));
            insert.setArray(11, array(connection, "varchar", appeals, NewAppeal::katoCode));
            insert.setArray(12, array(connection, "float8", appeals, NewAppeal::latitude));
            insert.setArray(13, array(connection, "float8", appeals, NewAppeal::longitude));
            insert.setArray(14, array(connection, "varchar", appeals, NewAppeal::addressText));
            insert.setArray(15, array(connection, "varchar", appeals, NewAppeal::channel));
            insert.setArray(16, bytes(connection, appeals, NewAppeal::applicantSealed));
            insert.setArray(17, array(connection, "bool", appeals, NewAppeal::anonymousSignal));
            insert.setArray(18, array(connection, "varchar", appeals, NewAppeal::applicantRef));
            insert.setArray(19, array(connection, "text", appeals, appeal -> toJson(appeal.attributes())));
            insert.setArray(20, array(connection, "int4", appeals, appeal -> appeal.attachments().size()));
            insert.setArray(21, array(connection, "varchar", appeals, NewAppeal::submittedBy));
            insert.executeUpdate();
        }
        insertAttachments(connection, appeals);
        insertOpen311Origins(connection, appeals);
    }

    private static void insertAttachments(Connection connection, List<NewAppeal> appeals) throws SQLException {
        record Row(UUID appealId, AttachmentMetadata metadata) {
        }
        List<Row> rows = new ArrayList<>();
        appeals.forEach(appeal -> appeal.attachments().forEach(metadata -> rows.add(new Row(appeal.id(), metadata))));
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into appeal_attachment (appeal_id, url, media_type, size_bytes, sha256)
                select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::int8[], ?::varchar[])""")) {
            insert.setArray(1, array(connection, "uuid", rows, Row::appealId));
            insert.setArray(2, array(connection, "varchar", rows, row -> row.metadata().url()));
            insert.setArray(3, array(connection, "varchar", rows, row -> row.metadata().mediaType()));
            insert.setArray(4, array(connection, "int8", rows, row -> row.metadata().sizeBytes()));
            insert.setArray(5, array(connection, "varchar", rows, row -> row.metadata().sha256()));
            insert.executeUpdate();
        }
    }

    private static void insertOpen311Origins(Connection connection, List<NewAppeal> appeals) throws SQLException {
        List<NewAppeal> viaOpen311 = appeals.stream().filter(appeal -> appeal.open311() != null).toList();
        if (viaOpen311.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into open311_origin (appeal_id, api_key_id, media_url)
                select * from unnest(?::uuid[], ?::uuid[], ?::varchar[])""")) {
            insert.setArray(1, array(connection, "uuid", viaOpen311, NewAppeal::id));
            insert.setArray(2, array(connection, "uuid", viaOpen311, appeal -> appeal.open311().apiKeyId()));
            insert.setArray(3, array(connection, "varchar", viaOpen311, appeal -> appeal.open311().mediaUrl()));
            insert.executeUpdate();
        }
    }

    private static Array bytes(Connection connection, List<NewAppeal> rows, Function<NewAppeal, byte[]> column)
            throws SQLException {
        return connection.createArrayOf("bytea", rows.stream().map(column).toArray(byte[][]::new));
    }

    private String toJson(Map<String, String> attributes) {
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Attributes cannot be serialised", e);
        }
    }
}
