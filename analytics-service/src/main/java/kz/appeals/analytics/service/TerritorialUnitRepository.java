package kz.appeals.analytics.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.domain.TerritorialUnit;

@ApplicationScoped
public class TerritorialUnitRepository implements PanacheRepositoryBase<TerritorialUnit, String> {
}
