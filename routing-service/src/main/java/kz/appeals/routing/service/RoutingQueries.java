package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.TerritorialUnit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class RoutingQueries {

    public record RouteView(UUID appealId, String receiptNumber, String status, String bodyCode, String method,
                            String reason, String excludedBodies, Instant decidedAt) {
    }

    public record UnitView(String katoCode, String level, String nameKk, String nameRu, LocalDate validFrom,
                           LocalDate validTo, String akimName, LocalDate akimElectedSince, Integer population,
                           String officePhone, String officeEmail) {
    }

    private final RoutedAppealRepository routedAppeals;
    private final TerritoryRepository territory;

    public RoutingQueries(RoutedAppealRepository routedAppeals, TerritoryRepository territory) {
        this.routedAppeals = routedAppeals;
        this.territory = territory;
    }

    public Optional<RouteView> route(UUID appealId) {
        return routedAppeals.findByIdOptional(appealId).map(RoutingQueries::view);
    }

    public Optional<UnitView> unit(String kato) {
        return territory.findByIdOptional(kato).map(u -> new UnitView(u.katoCode, u.level.name(), u.nameKk,
                u.nameRu, u.validFrom, u.validTo, u.akimName, u.akimElectedSince, u.population, u.officePhone,
                u.officeEmail));
    }

    private static RouteView view(RoutedAppeal a) {
        return new RouteView(a.appealId, a.receiptNumber, a.status.name(), a.bodyCode,
                a.method == null ? null : a.method.name(), a.reason, a.excludedBodies, a.decidedAt);
    }
}
