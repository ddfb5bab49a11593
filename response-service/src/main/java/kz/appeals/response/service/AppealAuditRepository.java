package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.response.domain.AppealAudit;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppealAuditRepository implements PanacheRepositoryBase<AppealAudit, Long> {

    /**
     * In the order this service applied the changes. Not by {@code occurredAt}: routing's and the office's clocks
     * are different machines, and the order of application is what explains the current status.
     */
    public List<AppealAudit> history(UUID appealId) {
        return list("appealId", Sort.by("id"), appealId);
    }
}
