package kz.appeals.analytics.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import kz.appeals.analytics.domain.AnswerTerm;
import kz.appeals.platform.inbox.Inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Analytics rebuilt from history in one transaction: the facts and the inbox rows of every event applied, written
 * with COPY, and the territorial reference, recorded as its consumer does. Only ever on an empty analytics (its
 * first start, or after "Rebuild analytics"): what was consumed before would otherwise be applied twice. Replicas
 * starting together take turns on an advisory lock, and the later ones find analytics no longer empty.
 */
@ApplicationScoped
public class FactsRebuild {

    /** What a rebuild wrote. */
    public record Rebuilt(long facts, long events, long duplicates) {
    }

    /** The folded stretches of history, one after another; reading starts when the rebuild asks for it. */
    public interface History extends AutoCloseable {

        /** @return the next stretch, or empty once everything up to the history's end was read */
        Optional<FactsFold.Folded> next() throws InterruptedException;

        @Override
        void close();
    }

    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final FactsVersion version;
    private final AnswerTerm answerTerm;
    private final TerritoryRecorder territory;

    public FactsRebuild(EntityManager entityManager, AgroalDataSource dataSource, FactsVersion version,
                        AnswerTerm answerTerm, TerritoryRecorder territory) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.version = version;
        this.answerTerm = answerTerm;
        this.territory = territory;
    }

    /** A fold applying the rules of the consumers, with the same working calendar. */
    public FactsFold newFold() {
        return new FactsFold(answerTerm::termStartOf);
    }

    /**
     * @param consumer the inbox consumer whose deliveries the rebuild records
     * @param history opened only when analytics is empty
     * @return empty when analytics already held facts or deliveries of {@code consumer}: nothing was read
     */
    public Optional<Rebuilt> rebuildIfEmpty(String consumer, Duration timeout, Supplier<History> history) {
        return QuarkusTransaction.requiringNew().timeout((int) timeout.toSeconds()).call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('analytics facts rebuild'))")
                    .getSingleResult();
            boolean empty = (Boolean) entityManager.createNativeQuery("""
                            select not exists (select 1 from inbox_event where consumer = ?1)
                               and not exists (select 1 from appeal_fact)""")
                    .setParameter(1, consumer)
                    .getSingleResult();
            if (!empty) {
                return Optional.empty();
            }
            long facts = 0;
            long events = 0;
            long duplicates = 0;
            try (History stretches = history.get(); Connection connection = dataSource.getConnection()) {
                for (Optional<FactsFold.Folded> next = stretches.next(); next.isPresent(); next = stretches.next()) {
                    FactsFold.Folded folded = next.get();
                    facts += AppealFactCopy.copy(connection, folded.facts());
                    events += Inbox.recordBulk(connection, consumer, folded.eventIds(), folded.eventTypes());
                    duplicates += folded.duplicates();
                    folded.territory().forEach(territory::record);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Rebuild not written: " + e.getMessage(), e);
            }
            if (facts > 0) {
                version.changing();
            }
            return Optional.of(new Rebuilt(facts, events, duplicates));
        });
    }
}
