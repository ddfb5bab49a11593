package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.routing.domain.Boundary;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Releases and boundaries: plain rows, read in bulk into the in-memory index, so no entities for them. */
@ApplicationScoped
public class ReferenceStore {

    /** The current boundary version of a rural district. */
    public record StoredBoundary(long id, String katoCode, LocalDate validFrom, String geojson) {
    }

    private final EntityManager entityManager;

    public ReferenceStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public long newRelease(String kind, String source, LocalDate effectiveFrom, Instant at) {
        return ((Number) entityManager.createNativeQuery("""
                        insert into territory_release (kind, source, effective_from, imported_at, rows_read, changed)
                        values (?1, ?2, ?3, ?4, 0, 0) returning id""")
                .setParameter(1, kind).setParameter(2, source).setParameter(3, Date.valueOf(effectiveFrom))
                .setParameter(4, Timestamp.from(at)).getSingleResult()).longValue();
    }

    public void completeRelease(long release, int rows, int changed) {
        entityManager.createNativeQuery("update territory_release set rows_read = ?1, changed = ?2 where id = ?3")
                .setParameter(1, rows).setParameter(2, changed).setParameter(3, release).executeUpdate();
    }

    public Map<String, StoredBoundary> currentBoundaries() {
        Map<String, StoredBoundary> current = new HashMap<>();
        for (Object row : entityManager.createNativeQuery(
                "select id, kato_code, valid_from, geojson from boundary where valid_to is null").getResultList()) {
            Object[] cells = (Object[]) row;
            current.put((String) cells[1], new StoredBoundary(((Number) cells[0]).longValue(), (String) cells[1],
                    toLocalDate(cells[2]), (String) cells[3]));
        }
        return current;
    }

    /** A stored geometry (GeoJSON, as imported) of a unit, by its KATO code. */
    public record UnitGeometry(String katoCode, String geojson) {
    }

    /** Every import is a release, so the latest one dates and names the state of the whole territory. */
    public record LatestRelease(long id, Instant importedAt) {
    }

    /**
     * The boundaries in force on {@code day} of the rural-level units in force that day of one region (by its two
     * leading KATO digits), by code: a release imported ahead of its effective date is not shown before it.
     */
    @SuppressWarnings("unchecked")
    public List<UnitGeometry> boundariesOfRegionOn(String regionKato, LocalDate day) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select kato_code, geojson from boundary
                        where kato_code like ?1 and valid_from <= ?2 and (valid_to is null or valid_to > ?2)
                          and kato_code in (select kato_code from territorial_unit
                                            where level = 'RURAL_DISTRICT' and valid_from <= ?2
                                              and (valid_to is null or valid_to > ?2))
                        order by kato_code""")
                .setParameter(1, regionKato.substring(0, 2) + "%")
                .setParameter(2, Date.valueOf(day))
                .getResultList();
        return rows.stream().map(row -> new UnitGeometry((String) row[0], (String) row[1])).toList();
    }

    /**
     * The last day, up to {@code day}, on which a boundary or rural-level unit of the region came into force or went
     * out of it: besides an import, the only day on which {@link #boundariesOfRegionOn} can change its answer.
     */
    public Optional<LocalDate> lastChangeInForce(String regionKato, LocalDate day) {
        Object last = entityManager.createNativeQuery("""
                        select max(change) from (
                            select valid_from as change from boundary where kato_code like ?1 and valid_from <= ?2
                            union all
                            select valid_to from boundary where kato_code like ?1 and valid_to <= ?2
                            union all
                            select valid_from from territorial_unit
                            where level = 'RURAL_DISTRICT' and kato_code like ?1 and valid_from <= ?2
                            union all
                            select valid_to from territorial_unit
                            where level = 'RURAL_DISTRICT' and kato_code like ?1 and valid_to <= ?2) changes""")
                .setParameter(1, regionKato.substring(0, 2) + "%")
                .setParameter(2, Date.valueOf(day))
                .getSingleResult();
        return Optional.ofNullable(last).map(ReferenceStore::toLocalDate);
    }

    /** Empty before the first import. */
    @SuppressWarnings("unchecked")
    public Optional<LatestRelease> latestRelease() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, imported_at from territory_release order by id desc limit 1").getResultList();
        return rows.stream().findFirst().map(row -> new LatestRelease(((Number) row[0]).longValue(),
                toInstant(row[1])));
    }

    public void insertBoundary(String kato, LocalDate validFrom, String geojson, long release) {
        entityManager.createNativeQuery("""
                        insert into boundary (kato_code, valid_from, geojson, release_id) values (?1, ?2, ?3, ?4)""")
                .setParameter(1, kato).setParameter(2, Date.valueOf(validFrom)).setParameter(3, geojson)
                .setParameter(4, release).executeUpdate();
    }

    public void closeBoundary(long id, LocalDate validTo) {
        entityManager.createNativeQuery("update boundary set valid_to = ?1 where id = ?2")
                .setParameter(1, Date.valueOf(validTo)).setParameter(2, id).executeUpdate();
    }

    public void replaceBoundary(long id, String geojson, long release) {
        entityManager.createNativeQuery("update boundary set geojson = ?1, release_id = ?2 where id = ?3")
                .setParameter(1, geojson).setParameter(2, release).setParameter(3, id).executeUpdate();
    }

    public List<Boundary> allBoundaries() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select kato_code, valid_from, valid_to, geojson from boundary").getResultList();
        return rows.stream().map(r -> new Boundary((String) r[0], toLocalDate(r[1]), toLocalDate(r[2]),
                GeoJson.geometry((String) r[3]))).toList();
    }

    /** Changes whenever an import or a rule edit committed: the cache reloads when it differs. */
    public String stamp() {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select (select coalesce(max(id), 0) from territory_release),
                       (select count(*) || '/' || coalesce(max(updated_at)::text, '') from competence_rule)""")
                .getSingleResult();
        return row[0] + "|" + row[1];
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime time ? time.toInstant() : ((Timestamp) value).toInstant();
    }

    private static LocalDate toLocalDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof LocalDate day ? day : ((Date) value).toLocalDate();
    }
}
