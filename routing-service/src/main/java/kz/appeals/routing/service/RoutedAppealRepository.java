package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import kz.appeals.routing.domain.RelatedAppealsPolicy;
import kz.appeals.routing.domain.RoutedAppeal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RoutedAppealRepository implements PanacheRepositoryBase<RoutedAppeal, UUID> {

    /**
     * The issue of the nearest open routed appeal about the same category within the radius, if any. Reads only
     * the three columns it compares: a busy yard may have hundreds of open appeals in the box.
     */
    public Optional<UUID> issueNear(UUID self, String category, double latitude, double longitude) {
        double dLat = RelatedAppealsPolicy.latitudeMargin();
        double dLon = RelatedAppealsPolicy.longitudeMargin(latitude);
        List<Tuple> candidates = getEntityManager().createQuery("""
                        select a.issueId as issueId, a.latitude as latitude, a.longitude as longitude
                        from RoutedAppeal a
                        where a.open = true and a.issueId is not null and a.status = :status
                        and a.categoryCode = :category and a.appealId <> :self
                        and a.latitude between :south and :north and a.longitude between :west and :east""",
                        Tuple.class)
                .setParameter("status", RoutedAppeal.Status.ROUTED)
                .setParameter("category", category)
                .setParameter("self", self)
                .setParameter("south", latitude - dLat)
                .setParameter("north", latitude + dLat)
                .setParameter("west", longitude - dLon)
                .setParameter("east", longitude + dLon)
                .getResultList();
        return candidates.stream()
                .filter(a -> RelatedAppealsPolicy.near(latitude, longitude, a.get("latitude", Double.class),
                        a.get("longitude", Double.class)))
                .min(Comparator.comparingDouble(a -> RelatedAppealsPolicy.metres(latitude, longitude,
                        a.get("latitude", Double.class), a.get("longitude", Double.class))))
                .map(a -> a.get("issueId", UUID.class));
    }

    /** The issue of the earliest open routed appeal about the same category in the same settlement, if any. */
    public Optional<UUID> issueInSettlement(UUID self, String category, String settlementKato) {
        return getEntityManager().createQuery("""
                        select a.issueId from RoutedAppeal a
                        where a.open = true and a.issueId is not null and a.status = :status
                        and a.categoryCode = :category and a.settlementKato = :settlement and a.appealId <> :self
                        order by a.decidedAt""", UUID.class)
                .setParameter("status", RoutedAppeal.Status.ROUTED)
                .setParameter("category", category)
                .setParameter("settlement", settlementKato)
                .setParameter("self", self)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public List<RoutedAppeal> awaitingTriage(int limit) {
        return find("status = ?1 order by decidedAt", RoutedAppeal.Status.NEEDS_TRIAGE).page(0, limit).list();
    }
}
