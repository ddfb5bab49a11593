package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.TerritorialUnit;
import kz.appeals.routing.domain.Territory;

import java.util.Optional;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<TerritorialUnit, String>, Territory {

    @Override
    public Optional<TerritorialUnit> find(String katoCode) {
        return findByIdOptional(katoCode);
    }
}
