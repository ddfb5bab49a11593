package kz.appeals.analytics.service;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.appeals.analytics.config.RankingConfig;
import kz.appeals.analytics.domain.Ranking;
import kz.appeals.analytics.domain.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** When a cached ranking is served, when it is computed again, and which rankings are kept computed ahead. */
class RankingCacheTest {

    private static final ReportingPeriod NOVEMBER = new ReportingPeriod(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30));
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
    };

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T05:00:00Z"));
    private final FactsVersion facts = new FactsVersion(null, null);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RankingCache cache = new RankingCache(facts, CONFIG, clock, registry);
    private final AtomicInteger computed = new AtomicInteger();

    private Supplier<Ranking> computation() {
        return () -> {
            computed.incrementAndGet();
            return Ranking.of(NOVEMBER, 20, 3, List.of());
        };
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
        assertEquals(1.0, registry.counter("appeals.analytics.ranking.cache", "outcome", "hit").count());
        assertEquals(2.0, registry.counter("appeals.analytics.ranking.cache", "outcome", "miss").count());
    }

    @Test
    void aChangeCommittedHereIsSeenAtOnce() {
        ask("region 19, November");
        facts.committedHere();
        ask("region 19, November");
        assertEquals(2, computed.get());
    }

    @Test
    void anotherReplicasChangeIsSeenOnceTheSharedVersionIsRead() {
        ask("region 19, November");
        facts.sharedChanged(7);
        ask("region 19, November");
        assertEquals(2, computed.get());
        ask("region 19, November");
        assertEquals(2, computed.get(), "current again");
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
        assertEquals(3, computed.get(), "a reader meanwhile computes the changed ranking itself, never served the old");
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
        assertThrows(IllegalArgumentException.class, () -> cache.get("an unknown region", () -> {
            throw new IllegalArgumentException("no such region");
        }));
        assertEquals(0, cache.refresh(), "nothing to refresh");
        ask("an unknown region");
        assertEquals(1, computed.get(), "asked afresh");
    }

    @Test
    void aPinnedQuestionThatNoLongerComputesIsForgottenWithoutStoppingTheOthers() {
        cache.pin(Map.of("withdrawn region", () -> {
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
