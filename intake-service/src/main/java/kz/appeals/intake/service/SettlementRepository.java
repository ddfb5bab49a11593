package kz.appeals.intake.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.KnownSettlement;

@ApplicationScoped
public class SettlementRepository implements PanacheRepositoryBase<KnownSettlement, String> {
}
