package kz.appeals.intake.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.domain.Appeal;

import java.util.UUID;

/** Reads appeals for screens and lookups; the submission path writes through {@link AppealTable}. */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {
}
