package kz.appeals.analytics.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.ComparisonGroup;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.domain.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When a cached ranking is served, current or outdated, when it is computed again and by whom, and which rankings
 * are kept computed ahead.
 */
class RankingCacheTest {

    private static final ReportingPeriod NOVEMBER = new ReportingPeriod(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30));
    private static final Duration SERVE_OUTDATED_FOR = Duration.ofSeconds(30);
    private static final RankingConfig CONFIG = new RankingConfig() {
        @Override
        public int minimumAppeals() {
            return 20;
        }

        @Override
        public int applicantWeightCap() {
            return 3;
        }

        @Override
        public Duration refreshEvery() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration keepWarm() {
            return Duration.ofMinutes(10);
        }

        @Override
        public Duration serveOutdatedFor() {
            return SERVE_OUTDATED_FOR;
        }
    };

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T05:00:00Z"));
    private final FactsVersion facts = new FactsVersion(null, null);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** The background's tasks, run when a test says so. */
    private final List<Runnable> background = new ArrayList<>();
    private final RankingCache cache = new RankingCache(facts, CONFIG, clock, registry, background::add);
    private final AtomicInteger computed = new AtomicInteger();

    private Function<Instant, Ranking> computation() {
        return computedAt -> {
            computed.incrementAndGet();
            return Ranking.of(NOVEMBER, ComparisonGroup.RURAL, computedAt, 20, 3, List.of());
        };
    }

    private void runBackground() {
        List<Runnable> tasks = List.copyOf(background);
        background.clear();
        tasks.forEach(Runnable::run);
    }

    private double count(String outcome) {
        return registry.counter("appeals.analytics.ranking.cache", "outcome", outcome).count();
    }

    private Ranking ask(Object question) {
        return cache.get(question, computation());
    }

    @Test
    void theSameQuestionWhileNothingChangedIsAnsweredFromTheCache() {
        Ranking first = ask("region 19, November");
        clock.advance(Duration.ofHours(1));
        assertSame(first, ask("region 19, November"), "no age bound: nothing changed");
        assertEquals(1, computed.get());
        ask("region 75, November");
        assertEquals(2, computed.get(), "another question is computed");
        assertEquals(1.0, count("hit"));
        assertEquals(2.0, count("miss"));
        assertEquals(0.0, count("outdated"));
    }

    @Test
    void aChangeCommittedHereOutdatesTheEntryAtOnce() {
        Ranking first = ask("region 19, November");
        facts.committedHere();
        assertSame(first, ask("region 19, November"), "served outdated, within the bound");
        assertEquals(1.0, count("outdated"));
        assertEquals(0.0, count("hit"));
        clock.advance(SERVE_OUTDATED_FOR);
        ask("region 19, November");
        assertEquals(2, computed.get(), "beyond the bound: computed for the reader");
    }

    @Test
    void anotherReplicasChangeOutdatesTheEntryOnceTheSharedVersionIsRead() {
        ask("region 19, November");
        facts.sharedChanged(7);
        clock.advance(SERVE_OUTDATED_FOR);
        ask("region 19, November");
        assertEquals(2, computed.get());
        ask("region 19, November");
        assertEquals(2, computed.get(), "current again");
        assertEquals(1.0, count("hit"));
    }

    @Test
    void anOutdatedEntryWithinTheBoundIsServedAndRecomputedOnceInTheBackground() {
        Ranking first = ask("region 19, November");
        facts.sharedChanged(1);
        assertSame(first, ask("region 19, November"));
        assertTrue(background.isEmpty(), "computed less than a refresh spacing ago: not recomputed yet");

        clock.advance(RankingCache.REFRESH_SPACING);
        assertSame(first, ask("region 19, November"), "served outdated while recomputed");
        assertSame(first, ask("region 19, November"));
        assertEquals(1, background.size(), "one recomputation however many readers");
        assertEquals(1, computed.get(), "not by the readers");
        assertEquals(3.0, count("outdated"));
        assertEquals(1.0, count("miss"));

        runBackground();
        assertEquals(2, computed.get());
        assertEquals(1.0, count("refreshed"));
        Ranking refreshed = ask("region 19, November");
        assertNotSame(first, refreshed);
        assertEquals(first.computedAt().plus(RankingCache.REFRESH_SPACING), refreshed.computedAt(),
                "says how fresh it is");
        assertEquals(1.0, count("hit"));
        assertEquals(0, cache.refresh(), "current: nothing for the refresher");
    }

    @Test
    void anOutdatedEntryIsServedUpToTheBoundAndBeyondItTheReaderComputes() {
        Ranking first = ask("region 19, November");
        facts.sharedChanged(1);
        clock.advance(SERVE_OUTDATED_FOR.minusMillis(1));
        assertSame(first, ask("region 19, November"));
        background.clear();
        clock.advance(Duration.ofMillis(1));
        Ranking computedForTheReader = ask("region 19, November");
        assertEquals(2, computed.get());
        assertEquals(clock.instant(), computedForTheReader.computedAt());
        assertEquals(2.0, count("miss"));
        assertEquals(0.0, count("refreshed"));
    }

    @Test
    void aBackgroundRecomputationFindingTheEntryCurrentAgainComputesNothing() {
        ask("region 19, November");
        facts.sharedChanged(1);
        clock.advance(RankingCache.REFRESH_SPACING);
        ask("region 19, November");
        assertEquals(1, cache.refresh(), "the refresher came first");
        runBackground();
        assertEquals(2, computed.get(), "recomputed once");
        assertEquals(1.0, count("refreshed"));
    }

    @Test
    void aReaderWhileTheRankingIsComputedWaitsForThatComputationInsteadOfStartingAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Function<Instant, Ranking> slow = computedAt -> {
            computed.incrementAndGet();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Ranking.of(NOVEMBER, ComparisonGroup.RURAL, computedAt, 20, 3, List.of());
        };
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            Future<Ranking> first = readers.submit(() -> cache.get("region 19", slow));
            Future<Ranking> second = readers.submit(() -> cache.get("region 19", slow));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (count("miss") < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(2.0, count("miss"), "both readers waiting while the first computation is under way");
            release.countDown();
            assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
            assertEquals(1, computed.get(), "computed once for both readers");
        } finally {
            release.countDown();
            readers.shutdownNow();
        }
    }

    @Test
    void aRefreshRecomputesAChangedWarmQuestionSoThatItsNextReaderIsServedFromMemory() {
        ask("region 19, November");
        facts.sharedChanged(1);
        clock.advance(RankingCache.REFRESH_SPACING);
        assertEquals(1, cache.refresh());
        assertEquals(2, computed.get());
        ask("region 19, November");
        assertEquals(2, computed.get(), "served what the refresh computed");
        assertEquals(0, cache.refresh(), "nothing changed since");
    }

    @Test
    void whileTheFactsKeepChangingAnEntryIsRefreshedAtMostOncePerSpacing() {
        ask("region 19, November");
        facts.sharedChanged(1);
        clock.advance(RankingCache.REFRESH_SPACING.minusMillis(1));
        assertEquals(0, cache.refresh(), "computed too recently");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, cache.refresh());
        facts.sharedChanged(2);
        assertEquals(0, cache.refresh());
        ask("region 19, November");
        assertEquals(2, computed.get(), "a reader meanwhile is served the outdated ranking");
        assertEquals(1.0, count("outdated"));
    }

    @Test
    void aQuestionNobodyAskedWithinKeepWarmIsForgotten() {
        ask("region 19, November");
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        facts.sharedChanged(1);
        assertEquals(0, cache.refresh());
        ask("region 19, November");
        assertEquals(2, computed.get(), "computed afresh for its next reader");
    }

    @Test
    void aQuestionThatCannotBeComputedIsNotKept() {
        assertThrows(IllegalArgumentException.class, () -> cache.get("an unknown region", computedAt -> {
            throw new IllegalArgumentException("no such region");
        }));
        assertEquals(0, cache.refresh(), "nothing to refresh");
        ask("an unknown region");
        assertEquals(1, computed.get(), "asked afresh");
    }

    @Test
    void aPinnedQuestionThatNoLongerComputesIsForgottenWithoutStoppingTheOthers() {
        cache.pin(Map.of("withdrawn region", computedAt -> {
            throw new IllegalStateException("no such region");
        }, "region 19, this year", computation()));
        assertEquals(1, cache.refresh());
        ask("region 19, this year");
        assertEquals(1, computed.get(), "served what the refresh computed");
    }

    @Test
    void pinnedQuestionsAreComputedBeforeAnyoneAsksAndKeptWhileNotAsked() {
        cache.pin(Map.of("region 19, this year", computation()));
        assertEquals(1, cache.refresh());
        ask("region 19, this year");
        assertEquals(1, computed.get(), "the first reader is served from memory");
        clock.advance(Duration.ofHours(1));
        facts.sharedChanged(1);
        assertEquals(1, cache.refresh(), "pinned: kept current although nobody asked for an hour");
        cache.pin(Map.of());
        clock.advance(Duration.ofMinutes(10).plusMillis(1));
        facts.sharedChanged(2);
        assertEquals(0, cache.refresh(), "unpinned and not asked since: forgotten");
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
