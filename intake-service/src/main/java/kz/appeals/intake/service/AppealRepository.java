package kz.appeals.intake.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.Appeal;

import java.util.UUID;

@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    public long nextReceiptSequence() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('receipt_sequence')")
                .getSingleResult()).longValue();
    }
}
