package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.RoutedAppeal;

import java.util.UUID;

@ApplicationScoped
public class RoutedAppealRepository implements PanacheRepositoryBase<RoutedAppeal, UUID> {
}
