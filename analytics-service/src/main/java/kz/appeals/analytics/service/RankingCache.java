package kz.appeals.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.service.FactsVersion.Version;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rankings as last computed, for dashboards that ask the same question again and again while the facts rarely
 * change. An entry serves while the facts have not changed since it was computed ({@link FactsVersion}: this
 * replica's commits at once, other replicas' from the next {@link #refresh}). A question asked within
 * {@code keep-warm}, and every {@linkplain #pin pinned} one, is recomputed by {@link #refresh} once its facts
 * changed, so that the next reader is served from memory instead of waiting for the computation.
 */
@ApplicationScoped
public class RankingCache {

    /** Distinct questions kept; beyond it the cache starts afresh rather than tracking use. */
    static final int MAX_ENTRIES = 2_000;

    /**
     * Fewest time between two refreshes of one entry: while events pour in, the facts change at every poll, and
     * recomputing every warm ranking each time would take the database from the consumers. Readers of a changed
     * entry in between compute it themselves, so nobody is served an outdated ranking.
     */
    static final Duration REFRESH_SPACING = Duration.ofSeconds(5);

    private record Entry(Version version, Instant computedAt, Ranking ranking) {
    }

    /** A question with how to compute it and when it was last asked. */
    private static final class Question {
        final Supplier<Ranking> compute;
        volatile Instant askedAt;
        volatile boolean pinned;
        volatile Entry entry;

        Question(Supplier<Ranking> compute, Instant askedAt) {
            this.compute = compute;
            this.askedAt = askedAt;
        }
    }

    private static final Logger LOG = Logger.getLogger(RankingCache.class);

    private final Map<Object, Question> questions = new ConcurrentHashMap<>();
    private final FactsVersion facts;
    private final RankingConfig config;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;
    private final Counter refreshed;

    public RankingCache(FactsVersion facts, RankingConfig config, Clock clock, MeterRegistry registry) {
        this.facts = facts;
        this.config = config;
        this.clock = clock;
        this.hits = registry.counter("appeals.analytics.ranking.cache", "outcome", "hit");
        this.misses = registry.counter("appeals.analytics.ranking.cache", "outcome", "miss");
        this.refreshed = registry.counter("appeals.analytics.ranking.cache", "outcome", "refreshed");
    }

    /** @param question everything the ranking depends on besides the facts (scope, period, today's date) */
    public Ranking get(Object question, Supplier<Ranking> compute) {
        Instant now = clock.instant();
        Question known = questions.get(question);
        if (known != null) {
            known.askedAt = now;
            Entry cached = known.entry;
            if (cached != null && cached.version().equals(facts.current())) {
                hits.increment();
                return cached.ranking();
            }
        }
        misses.increment();
        // kept only once it could be computed: a question about an unknown territory is not refreshed
        Question asked = known != null ? known : new Question(compute, now);
        Ranking ranking = compute(asked, now).ranking();
        if (known == null) {
            if (questions.size() >= MAX_ENTRIES) {
                questions.clear();
            }
            questions.putIfAbsent(question, asked);
        }
        return ranking;
    }

    /**
     * The questions kept current whether asked or not (every region's ranking for the dashboard's default period);
     * questions pinned before and not among them are kept only while asked.
     */
    public void pin(Map<Object, Supplier<Ranking>> pinned) {
        Instant now = clock.instant();
        questions.forEach((key, question) -> {
            if (question.pinned && !pinned.containsKey(key)) {
                question.pinned = false;
                question.askedAt = now;
            }
        });
        pinned.forEach((key, compute) -> questions.computeIfAbsent(key, k -> new Question(compute, now)).pinned = true);
    }

    /**
     * Recomputes the warm questions whose facts changed (and the pinned ones never computed), at most once per
     * {@link #REFRESH_SPACING} each, and forgets the questions nobody asked within {@code keep-warm}. Call after
     * {@link FactsVersion#readShared()}.
     *
     * @return how many rankings were recomputed
     */
    public int refresh() {
        Instant now = clock.instant();
        Instant askedSince = now.minus(config.keepWarm());
        Version version = facts.current();
        int recomputed = 0;
        for (Map.Entry<Object, Question> each : Set.copyOf(questions.entrySet())) {
            Question question = each.getValue();
            if (!question.pinned && question.askedAt.isBefore(askedSince)) {
                questions.remove(each.getKey(), question);
                continue;
            }
            Entry cached = question.entry;
            if (cached == null || !cached.version().equals(version)
                    && !cached.computedAt().plus(REFRESH_SPACING).isAfter(now)) {
                try {
                    compute(question, now);
                    refreshed.increment();
                    recomputed++;
                } catch (RuntimeException e) {
                    // e.g. a pinned region withdrawn from the reference meanwhile: its next reader gets the error
                    questions.remove(each.getKey(), question);
                    LOG.debugf("Ranking %s not refreshed, forgotten: %s", each.getKey(), e.toString());
                }
            }
        }
        return recomputed;
    }

    private Entry compute(Question question, Instant now) {
        // the version read before computing: a change committed meanwhile makes the entry outdated at once
        Version version = facts.current();
        Entry computed = new Entry(version, now, question.compute.get());
        question.entry = computed;
        return computed;
    }
}
