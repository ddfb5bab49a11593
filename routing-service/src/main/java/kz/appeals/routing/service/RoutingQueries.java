package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.TerritorialUnit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoutingQueries {

    public record RouteView(UUID appealId, String receiptNumber, String status, String bodyCode, String method,
                            String reason, List<RoutingStep> steps, UUID issueId, String excludedBodies,
                            Instant decidedAt) {
    }

    public record TriageItem(UUID appealId, String receiptNumber, String categoryCode, String katoCode,
                             Double latitude, Double longitude, String addressText, String reason,
                             List<RoutingStep> steps, LocalDate registrationDay, Instant since) {
    }

    public record UnitView(String katoCode, String level, String kind, String nameKk, String nameRu,
                           LocalDate validFrom, LocalDate validTo, String akimName, LocalDate akimElectedSince,
                           Integer population, String officePhone, String officeEmail, Double latitude,
                           Double longitude) {
    }

    /**
     * What a region's public map shows today and since when: the latest import (absent before the first) and the
     * last day a version of its boundaries or units came into force or out of it. Either changes the map, so both
     * name it.
     */
    public record MapVersion(String regionKato, LocalDate day, Optional<ReferenceStore.LatestRelease> release,
                             Optional<LocalDate> lastChangeInForce) {

        public String tag() {
            return regionKato.substring(0, 2) + "-" + release.map(ReferenceStore.LatestRelease::id).orElse(0L)
                    + lastChangeInForce.map(change -> "-" + change).orElse("");
        }

        /** The later of the import and the start of the day a version came into force, in Kazakhstan. */
        public Optional<Instant> changedAt() {
            Optional<Instant> inForce = lastChangeInForce.map(change -> change.atStartOfDay(KAZAKHSTAN).toInstant());
            return release.map(ReferenceStore.LatestRelease::importedAt)
                    .map(imported -> inForce.filter(imported::isBefore).orElse(imported));
        }
    }

    private static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);
    private static final int MAP_DECIMALS = 4;

    private final RoutedAppealRepository routedAppeals;
    private final TerritoryRepository territory;
    private final ReferenceStore store;

    private final Clock clock;

    public RoutingQueries(RoutedAppealRepository routedAppeals, TerritoryRepository territory, ReferenceStore store,
                          Clock clock) {
        this.routedAppeals = routedAppeals;
        this.territory = territory;
        this.store = store;
        this.clock = clock;
    }

    public Optional<RouteView> route(UUID appealId) {
        return routedAppeals.findByIdOptional(appealId).map(RoutingQueries::view);
    }

    public List<TriageItem> triage(int limit) {
        return routedAppeals.awaitingTriage(limit).stream().map(a -> new TriageItem(a.appealId, a.receiptNumber,
                a.categoryCode, a.katoCode, a.latitude, a.longitude, a.addressText, a.reason, AppealRouting.steps(a),
                a.registrationDay, a.decidedAt)).toList();
    }

    /**
     * The version of the region's map in force today. The release is read before the boundaries: an import
     * committing between the two reads gives a body newer than its tag, which the next revalidation replaces, never a
     * tag newer than its body.
     */
    public MapVersion mapVersion(String regionKato) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), KAZAKHSTAN);
        return new MapVersion(regionKato, today, store.latestRelease(), store.lastChangeInForce(regionKato, today));
    }

    /**
     * The boundaries of a region's rural-level units in force on the version's day, with coordinates rounded to 4
     * decimal places: at most 5.5 m off (1e-4 degree of latitude is 11 m), about a pixel of the dashboard's map
     * zoomed 16 times into a district 50 km wide; an OpenStreetMap export's 7 places (1 cm) only add bytes to a
     * public, often fetched file, and positions that rounding makes equal are dropped with them.
     */
    public String boundariesOfRegion(MapVersion version) {
        return GeoJson.featureCollection(store.boundariesOfRegionOn(version.regionKato(), version.day()),
                MAP_DECIMALS);
    }

    /** Every version of the unit, newest first: what was in force on any day. */
    public List<UnitView> unitVersions(String kato) {
        return territory.versionsOf(kato).stream().map(RoutingQueries::view).toList();
    }

    private static RouteView view(RoutedAppeal a) {
        return new RouteView(a.appealId, a.receiptNumber, a.status.name(), a.bodyCode,
                a.method == null ? null : a.method.name(), a.reason, AppealRouting.steps(a), a.issueId,
                a.excludedBodies, a.decidedAt);
    }

    private static UnitView view(TerritorialUnit u) {
        return new UnitView(u.katoCode, u.level.name(), u.kind.name(), u.nameKk, u.nameRu, u.validFrom, u.validTo,
                u.akimName, u.akimElectedSince, u.population, u.officePhone, u.officeEmail, u.latitude, u.longitude);
    }
}
