package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.TerritorialUnit;

import java.time.Instant;
import java.time.LocalDate;
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

    private static final int MAP_DECIMALS = 4;

    private final RoutedAppealRepository routedAppeals;
    private final TerritoryRepository territory;
    private final ReferenceStore store;

    public RoutingQueries(RoutedAppealRepository routedAppeals, TerritoryRepository territory, ReferenceStore store) {
        this.routedAppeals = routedAppeals;
        this.territory = territory;
        this.store = store;
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
     * The boundaries of a region's rural-level units, with coordinates rounded to 4 decimal places: at most 5.5 m off
     * (1e-4 degree of latitude is 11 m), about a pixel of the dashboard's map zoomed 16 times into a district 50 km
     * wide; an OpenStreetMap export's 7 places (1 cm) only add bytes to a public, often fetched file, and positions
     * that rounding makes equal are dropped with them.
     */
    public String boundariesOfRegion(String regionKato) {
        return GeoJson.featureCollection(store.currentBoundariesOfRegion(regionKato), MAP_DECIMALS);
    }

    /** The state of the territory every read of it reflects: the latest import. Empty before the first. */
    public Optional<ReferenceStore.LatestRelease> territoryRelease() {
        return store.latestRelease();
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
