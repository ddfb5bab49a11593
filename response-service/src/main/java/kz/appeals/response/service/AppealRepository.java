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

    /** The first key of response-service's advisory locks; other services' locks never use it. */
    private static final int LIFECYCLE_LOCKS = 0x52455350;

    @SuppressWarnings("unchecked")
    public List<Appeal> list(Statement statement) {
        return bind(getEntityManager().createNativeQuery(statement.sql(), Appeal.class), statement).getResultList();
    }

    public long count(Statement statement) {
        return ((Number) bind(getEntityManager().createNativeQuery(statement.sql()), statement).getSingleResult())
                .longValue();
    }

    /**
     * Holds the appeals' lifecycle locks until the transaction ends. Routing's and escalation's events for one appeal
     * arrive on different topics, in concurrent transactions; each looks for what the other writes (the appeal, its
     * escalation) before the other has committed, so without the lock an escalation that overtook the routing would
     * leave the appeal unmarked. The locks are PostgreSQL's transaction-scoped advisory locks on this service's key
     * space and the appeal ids' hashes, taken in the hashes' order so that two transactions never wait for each other
     * in a circle; two appeals sharing a hash merely wait for each other. A lock already held is taken again at no
     * cost.
     */
    public void lockLifecycles(List<UUID> appealIds) {
        if (appealIds.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("""
                        select count(pg_advisory_xact_lock(?1, hash))
                        from (select distinct hash from unnest(cast(?2 as integer[])) as ids (hash)
                              order by hash) locks""")
                .setParameter(1, LIFECYCLE_LOCKS)
                .setParameter(2, appealIds.stream().map(UUID::hashCode).toArray(Integer[]::new))
                .getSingleResult();
    }

    private static Query bind(Query query, Statement statement) {
        List<Object> parameters = statement.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
