package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.response.domain.AppealEscalation;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppealEscalationRepository implements PanacheRepositoryBase<AppealEscalation, Long> {

    public List<AppealEscalation> forAppeal(UUID appealId) {
        return list("appealId = ?1 order by escalatedAt, id", appealId);
    }
}
