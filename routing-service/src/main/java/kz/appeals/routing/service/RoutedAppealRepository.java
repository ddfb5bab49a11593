package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.RelatedAppealsPolicy;
import kz.appeals.routing.domain.RoutedAppeal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoutedAppealRepository implements PanacheRepositoryBase<RoutedAppeal, UUID> {

    /** The issue of the nearest open routed appeal about the same category within the radius, if any. */
    public Optional<UUID> issueNear(UUID self, String category, double latitude, double longitude) {
        double dLat = RelatedAppealsPolicy.latitudeMargin();
        double dLon = RelatedAppealsPolicy.longitudeMargin(latitude);
        List<RoutedAppeal> candidates = list("""
                        open = true and status = ?1 and categoryCode = ?2 and appealId <> ?3 and issueId is not null
                        and latitude between ?4 and ?5 and longitude between ?6 and ?7""",
                RoutedAppeal.Status.ROUTED, category, self, latitude - dLat, latitude + dLat, longitude - dLon,
                longitude + dLon);
        return candidates.stream()
                .filter(a -> RelatedAppealsPolicy.near(latitude, longitude, a.latitude, a.longitude))
                .min(Comparator.comparingDouble(a -> RelatedAppealsPolicy.metres(latitude, longitude, a.latitude,
                        a.longitude)))
                .map(a -> a.issueId);
    }

    /** The issue of the earliest open routed appeal about the same category in the same settlement, if any. */
    public Optional<UUID> issueInSettlement(UUID self, String category, String settlementKato) {
        return find("""
                        open = true and status = ?1 and categoryCode = ?2 and settlementKato = ?3 and appealId <> ?4
                        and issueId is not null order by decidedAt""",
                RoutedAppeal.Status.ROUTED, category, settlementKato, self).firstResultOptional().map(a -> a.issueId);
    }

    public List<RoutedAppeal> awaitingTriage(int limit) {
        return find("status = ?1 order by decidedAt", RoutedAppeal.Status.NEEDS_TRIAGE).page(0, limit).list();
    }
}
