package kz.appeals.intake.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.TerritoryEvents.Point;
import kz.appeals.contracts.TerritoryEvents.SettlementPublished;
import kz.appeals.contracts.TerritoryEvents.TerritorialUnitPublished;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.transaction.AfterCommit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps intake's copy of the places people may file at current from routing's compacted reference topic: every code
 * routing publishes — a locality or city as a settlement, a rural district, town, district, city administration,
 * city district, region or city of republican significance as a unit — is a place routing can route an appeal from.
 * A polled batch is one upsert, whatever its size (an import publishes thousands of codes at once); a code's newer
 * state is never overwritten by an older one delivered later.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TerritoryReplica {

    private record Place(String katoCode, String nameKk, String nameRu, LocalDate validTo, Instant asOf,
                         Point point) {
    }

    private final AgroalDataSource dataSource;
    private final KnownSettlements cache;
    private final TransactionSynchronizationRegistry transactions;

    public TerritoryReplica(AgroalDataSource dataSource, KnownSettlements cache,
                            TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** @param events settlements and units, in delivery order */
    public void applyAll(List<IncomingEvent> events) {
        Map<String, Place> latest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            Place place = event.data() instanceof SettlementPublished settlement
                    ? new Place(settlement.katoCode(), settlement.nameKk(), settlement.nameRu(), settlement.validTo(),
                            settlement.occurredAt(), settlement.point())
                    : placeOf(event.dataAs(TerritorialUnitPublished.class));
            latest.merge(place.katoCode(), place, (known, next) -> next.asOf().isBefore(known.asOf()) ? known : next);
        }
        List<Place> places = new ArrayList<>(latest.values());
        // the pool hands the connection enlisted in the inbox's transaction
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                insert into known_settlement (kato_code, name_kk, name_ru, valid_to, as_of, latitude, longitude,
                                              point_source)
                select kato_code, name_kk, name_ru, valid_to::date, as_of::timestamptz, latitude, longitude, point_source
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[], ?::float8[], ?::float8[],
                            ?::varchar[])
                     as place (kato_code, name_kk, name_ru, valid_to, as_of, latitude, longitude, point_source)
                on conflict (kato_code) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru,
                    valid_to = excluded.valid_to, as_of = excluded.as_of, latitude = excluded.latitude,
                    longitude = excluded.longitude, point_source = excluded.point_source
                where known_settlement.as_of <= excluded.as_of""")) {
            upsert.setArray(1, JdbcArrays.array(connection, "varchar", places, Place::katoCode));
            upsert.setArray(2, JdbcArrays.array(connection, "varchar", places, Place::nameKk));
            upsert.setArray(3, JdbcArrays.array(connection, "varchar", places, Place::nameRu));
            // as ISO text, which PostgreSQL reads without a session time zone
            upsert.setArray(4, JdbcArrays.array(connection, "text", places,
                    place -> place.validTo() == null ? null : place.validTo().toString()));
            upsert.setArray(5, JdbcArrays.array(connection, "text", places, place -> place.asOf().toString()));
            // an event without a point (published before points, or of a place routing knows none for) clears it
            upsert.setArray(6, JdbcArrays.array(connection, "float8", places,
                    place -> place.point() == null ? null : place.point().latitude()));
            upsert.setArray(7, JdbcArrays.array(connection, "float8", places,
                    place -> place.point() == null ? null : place.point().longitude()));
            upsert.setArray(8, JdbcArrays.array(connection, "varchar", places,
                    place -> place.point() == null ? null : place.point().source().name()));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("intake: the territory replica could not be written: " + e.getMessage(), e);
        }
        AfterCommit.run(transactions, () -> places.forEach(place -> cache.forget(place.katoCode())));
    }

    private static Place placeOf(TerritorialUnitPublished unit) {
        return new Place(unit.katoCode(), unit.nameKk(), unit.nameRu(), unit.validTo(), unit.occurredAt(),
                unit.point());
    }
}
