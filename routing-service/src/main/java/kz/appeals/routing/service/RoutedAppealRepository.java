package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.RoutedAppeal;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RoutedAppealRepository implements PanacheRepositoryBase<RoutedAppeal, UUID> {

    public List<RoutedAppeal> awaitingTriage(int limit) {
        return find("status = ?1 order by decidedAt", RoutedAppeal.Status.NEEDS_TRIAGE).page(0, limit).list();
    }
}
