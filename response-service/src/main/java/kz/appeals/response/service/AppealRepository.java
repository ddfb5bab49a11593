package kz.appeals.response.service;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import kz.appeals.response.domain.Appeal;
import kz.appeals.response.service.InboxSql.Statement;

import java.util.List;
import java.util.UUID;

/** Inbox queries run the SQL of {@link InboxSql}, which the benchmark times as it is. */
@ApplicationScoped
public class AppealRepository implements PanacheRepositoryBase<Appeal, UUID> {

    @SuppressWarnings("unchecked")
    public List<Appeal> list(Statement statement) {
        return bind(getEntityManager().createNativeQuery(statement.sql(), Appeal.class), statement).getResultList();
    }

    public long count(Statement statement) {
        return ((Number) bind(getEntityManager().createNativeQuery(statement.sql()), statement).getSingleResult())
                .longValue();
    }

    private static Query bind(Query query, Statement statement) {
        List<Object> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
