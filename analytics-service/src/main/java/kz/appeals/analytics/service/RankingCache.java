package kz.appeals.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.Ranking;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rankings as last computed, for dashboards that ask the same question again and again while the facts rarely
 * change. An entry serves while this replica has committed no change since ({@link FactsVersion}) and for at most
 * {@code appeals.analytics.ranking.cache-max-age}, which bounds how long another replica's changes go unseen.
 */
@ApplicationScoped
public class RankingCache {

    /** Distinct questions kept; beyond it the cache starts afresh rather than tracking use. */
    static final int MAX_ENTRIES = 2_000;

    private record Entry(long version, Instant computedAt, Ranking ranking) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
    private final FactsVersion facts;
    private final RankingConfig config;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    public RankingCache(FactsVersion facts, RankingConfig config, Clock clock, MeterRegistry registry) {
        this.facts = facts;
        this.config = config;
        this.clock = clock;
        this.hits = registry.counter("appeals.analytics.ranking.cache", "outcome", "hit");
        this.misses = registry.counter("appeals.analytics.ranking.cache", "outcome", "miss");
    }

    /** @param question everything the ranking depends on besides the facts (scope, period, today's date) */
    public Ranking get(Object question, Supplier<Ranking> compute) {
        long version = facts.current();
        Instant now = clock.instant();
        Entry cached = entries.get(question);
        if (cached != null && cached.version() == version
                && !cached.computedAt().plus(config.cacheMaxAge()).isBefore(now)) {
            hits.increment();
            return cached.ranking();
        }
        misses.increment();
        Ranking ranking = compute.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        // the version read before computing: a change committed meanwhile makes the next request recompute
        entries.put(question, new Entry(version, now, ranking));
        return ranking;
    }
}
