package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.domain.AppealStatus;

import java.util.Optional;
import java.util.UUID;

/** Every office query carries the office's KATO code, so an appeal of another body is simply not found. */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    private static final Sort INBOX_ORDER = Sort.by("registrationDay").and("receiptNumber").and("id");

    public Optional<Appeal> findForOffice(UUID id, String officeKato) {
        return find("id = :id and bodyKato = :kato", Parameters.with("id", id).and("kato", officeKato))
                .firstResultOptional();
    }

    /** @param status null for every status */
    public PanacheQuery<Appeal> inbox(String officeKato, AppealStatus status) {
        return status == null
                ? find("bodyKato = :kato", INBOX_ORDER, Parameters.with("kato", officeKato))
                : find("bodyKato = :kato and status = :status", INBOX_ORDER,
                        Parameters.with("kato", officeKato).and("status", status));
    }
}
