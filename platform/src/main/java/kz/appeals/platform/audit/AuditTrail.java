package kz.appeals.platform.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import kz.appeals.platform.security.Caller;
import kz.appeals.platform.time.DatabaseTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The service's audit trail of changes people make through its API, written in the transaction of the change so
 * that a change and its record commit or vanish together. Auditors read it at {@code /api/v1/audit/changes}.
 */
@ApplicationScoped
public class AuditTrail {

    /** One change: who (the token's account reference), when, what action, on what, and what was decided. */
    public record Entry(long id, Instant occurredAt, String actor, String action, String subject, String detail) {
    }

    private static final int MAX_DETAIL = 4000;

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;
    private final Caller caller;
    private final Clock clock;

    public AuditTrail(AgroalDataSource dataSource, EntityManager entityManager, Caller caller, Clock clock) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Records a change the calling account (the request's verified token) makes: in the change's transaction when
     * there is one, else in its own, right after a change that spanned several (a long import).
     *
     * @param subject what changed, as {@code kind:id} (e.g. {@code appeal:…}, {@code competence-rule:roads/ANY})
     */
    @Transactional
    public void record(String action, String subject, String detail) {
        // Plain JDBC on the transaction's connection, like the outbox: an office's action is a hot path, and a native
        // query through Hibernate would first check its session for anything to flush.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into audit_entry (occurred_at, actor, action, subject, detail) values (?, ?, ?, ?, ?)""")) {
            insert.setTimestamp(1, Timestamp.from(clock.instant()));
            insert.setString(2, caller.accountRef());
            insert.setString(3, action);
            insert.setString(4, subject);
            insert.setString(5, detail == null || detail.length() <= MAX_DETAIL ? detail
                    : detail.substring(0, MAX_DETAIL - 1) + "…");
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record " + action + " on " + subject + " in the audit trail", e);
        }
    }

    /** Newest first; a null filter matches everything. */
    @Transactional
    public List<Entry> search(String subject, String actor, Instant from, Instant to, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select id, occurred_at, actor, action, subject, detail from audit_entry
                        where (cast(?1 as varchar) is null or subject = ?1)
                          and (cast(?2 as varchar) is null or actor = ?2)
                          and occurred_at >= ?3 and occurred_at < ?4
                        order by occurred_at desc, id desc
                        limit ?5""")
                .setParameter(1, subject)
                .setParameter(2, actor)
                .setParameter(3, Timestamp.from(from))
                .setParameter(4, Timestamp.from(to))
                .setParameter(5, limit)
                .getResultList();
        return rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), DatabaseTime.toInstant(row[1]),
                (String) row[2], (String) row[3], (String) row[4], (String) row[5])).toList();
    }
}
