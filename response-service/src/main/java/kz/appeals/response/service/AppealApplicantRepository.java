package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.response.domain.AppealApplicant;

import java.util.UUID;

@ApplicationScoped
public class AppealApplicantRepository implements PanacheRepositoryBase<AppealApplicant, UUID> {
}
