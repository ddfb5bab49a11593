package kz.appeals.analytics.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.context.api.ManagedExecutorConfig;
import io.smallrye.context.api.NamedInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.service.FactsVersion.Version;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Rankings as last computed, for dashboards that ask the same question again and again. An entry is current while
 * the facts have not changed since it was computed ({@link FactsVersion}: this replica's commits at once, other
 * replicas' from the next {@link #refresh}). An outdated entry is still served within {@code serve-outdated-for} of
 * its computation, and recomputed in the background once it is {@link #REFRESH_SPACING} old; beyond the bound the
 * reader waits for the computation. A question asked within {@code keep-warm}, and every {@linkplain #pin pinned}
 * one, is also recomputed by {@link #refresh} once its facts changed. One question is never computed twice at once:
 * whoever needs it while it is computed waits for that computation.
 */
@ApplicationScoped
public class RankingCache {

    /** Distinct questions kept; beyond it the cache starts afresh rather than tracking use. */
    static final int MAX_ENTRIES = 2_000;

    /**
     * Fewest time between two recomputations of one entry ahead of its readers (by the refresher or in the
     * background): while events pour in, the facts change at every poll, and recomputing every warm ranking each
     * time would take the database from the consumers. Readers meanwhile are served the outdated entry.
     */
    static final Duration REFRESH_SPACING = Duration.ofSeconds(5);

    /**
     * Background recomputations at once: each holds a connection and a database core for as long as it takes
     * (seconds at national scale), and the consumers need them more; the others wait for a thread.
     */
    static final int BACKGROUND_COMPUTATIONS = 2;

    private record Entry(Version version, Instant computedAt, Ranking ranking) {
    }

    /** A question with how to compute it and when it was last asked. */
    private static final class Question {
        /** Given the instant it counts the facts as of, which the ranking carries as its {@code computedAt}. */
        final Function<Instant, Ranking> compute;
        /** The computation under way, which everyone else who needs this question waits for. */
        final AtomicReference<CompletableFuture<Void>> computing = new AtomicReference<>();
        /** A background recomputation is queued or running. */
        final AtomicBoolean revalidating = new AtomicBoolean();
        volatile Instant askedAt;
        volatile boolean pinned;
        volatile Entry entry;

        Question(Function<Instant, Ranking> compute, Instant askedAt) {
            this.compute = compute;
            this.askedAt = askedAt;
        }
    }

    private static final Logger LOG = Logger.getLogger(RankingCache.class);

    private final Map<Object, Question> questions = new ConcurrentHashMap<>();
    private final FactsVersion facts;
    private final RankingConfig config;
    private final Clock clock;
    private final Executor background;
    private final Counter hits;
    private final Counter servedOutdated;
    private final Counter misses;
    private final Counter refreshed;

    /**
     * @param background a managed executor that takes none of the reader's contexts along (its request ends before
     *                   the computation does): the computation opens its own transaction
     */
    @Inject
    public RankingCache(FactsVersion facts, RankingConfig config, Clock clock, MeterRegistry registry,
                        @ManagedExecutorConfig(maxAsync = BACKGROUND_COMPUTATIONS, propagated = {},
                                cleared = ThreadContext.ALL_REMAINING)
                        @NamedInstance("ranking-revalidation") ManagedExecutor background) {
        this(facts, config, clock, registry, (Executor) background);
    }

    RankingCache(FactsVersion facts, RankingConfig config, Clock clock, MeterRegistry registry, Executor background) {
        this.facts = facts;
        this.config = config;
        this.clock = clock;
        this.background = background;
        this.hits = registry.counter("appeals.analytics.ranking.cache", "outcome", "hit");
        this.servedOutdated = registry.counter("appeals.analytics.ranking.cache", "outcome", "outdated");
        this.misses = registry.counter("appeals.analytics.ranking.cache", "outcome", "miss");
        this.refreshed = registry.counter("appeals.analytics.ranking.cache", "outcome", "refreshed");
    }

    /**
     * @param question everything the ranking depends on besides the facts (scope, period, today's date)
     * @param compute  computes the ranking counting the facts as of the instant it is given
     */
    public Ranking get(Object question, Function<Instant, Ranking> compute) {
        Instant now = clock.instant();
        Question known = questions.get(question);
        if (known != null) {
            known.askedAt = now;
            Entry cached = known.entry;
            if (cached != null && cached.version().equals(facts.current())) {
                hits.increment();
                return cached.ranking();
            }
            if (cached != null && now.isBefore(cached.computedAt().plus(config.serveOutdatedFor()))) {
                servedOutdated.increment();
                revalidate(known, cached, now);
                return cached.ranking();
            }
        } else if (questions.size() >= MAX_ENTRIES) {
            questions.clear();
        }
        misses.increment();
        // kept at once, so that readers asking meanwhile wait for this computation instead of starting their own
        Question asked = known != null ? known : questions.computeIfAbsent(question, k -> new Question(compute, now));
        try {
            computeOnce(asked);
        } catch (RuntimeException e) {
            // a question about an unknown territory is not kept, nor refreshed
            if (asked.entry == null) {
                questions.remove(question, asked);
            }
            throw e;
        }
        return asked.entry.ranking();
    }

    /**
     * The questions kept current whether asked or not (every region's ranking for the dashboard's default period);
     * questions pinned before and not among them are kept only while asked.
     */
    public void pin(Map<Object, Function<Instant, Ranking>> pinned) {
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
     * Recomputes the warm questions whose facts changed (and the pinned ones never computed, waiting for those
     * under way), at most once per {@link #REFRESH_SPACING} each, and forgets the questions nobody asked within
     * {@code keep-warm}. Call after {@link FactsVersion#readShared()}. Once it returns, every pinned question has a
     * ranking or was forgotten because it could not be computed.
     *
     * @return how many rankings were recomputed here
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
            if (cached == null || !cached.version().equals(version) && isDue(cached, now)) {
                try {
                    if (computeOnce(question)) {
                        refreshed.increment();
                        recomputed++;
                    }
                } catch (RuntimeException e) {
                    // e.g. a pinned region withdrawn from the reference meanwhile: its next reader gets the error
                    questions.remove(each.getKey(), question);
                    LOG.debugf("Ranking %s not refreshed, forgotten: %s", each.getKey(), e.toString());
                }
            }
        }
        return recomputed;
    }

    /** Recomputes an outdated entry in the background, once however many readers are served it meanwhile. */
    private void revalidate(Question question, Entry served, Instant now) {
        if (!isDue(served, now) || !question.revalidating.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    Entry cached = question.entry;
                    // a reader beyond the bound or the refresher may have recomputed it while this waited
                    if ((cached == null || !cached.version().equals(facts.current())) && computeOnce(question)) {
                        refreshed.increment();
                    }
                } catch (RuntimeException e) {
                    // served outdated until the bound, then its reader computes it and gets the error
                    LOG.debugf("Ranking not recomputed in the background: %s", e.toString());
                } finally {
                    question.revalidating.set(false);
                }
            });
        } catch (RejectedExecutionException stopping) {
            question.revalidating.set(false);
        }
    }

    private static boolean isDue(Entry cached, Instant now) {
        return !cached.computedAt().plus(REFRESH_SPACING).isAfter(now);
    }

    /**
     * Computes the question's entry, or waits for the computation under way and fails as it did.
     *
     * @return whether it was computed here rather than waited for
     */
    private boolean computeOnce(Question question) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> underWay = question.computing.compareAndExchange(null, mine);
        if (underWay != null) {
            try {
                underWay.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
            return false;
        }
        try {
            Instant computedAt = clock.instant();
            // the version read before computing: a change committed meanwhile makes the entry outdated at once
            Version version = facts.current();
            question.entry = new Entry(version, computedAt, question.compute.apply(computedAt));
            mine.complete(null);
            return true;
        } catch (Throwable e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            question.computing.set(null);
        }
    }
}
