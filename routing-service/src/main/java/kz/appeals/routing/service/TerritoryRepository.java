package kz.appeals.routing.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.routing.domain.TerritorialUnit;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<TerritorialUnit, Long> {

    /** The latest version of every unit not retired, by KATO code. */
    public Map<String, TerritorialUnit> currentByCode() {
        return list("validTo is null").stream().collect(Collectors.toMap(u -> u.katoCode, Function.identity()));
    }

    public List<TerritorialUnit> versionsOf(String katoCode) {
        return list("katoCode = ?1 order by validFrom desc", katoCode);
    }
}
