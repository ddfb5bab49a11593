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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** When a cached ranking is served and when it is computed again. */
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
        public Duration cacheMaxAge() {
            return Duration.ofSeconds(5);
        }
    };

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T05:00:00Z"));
    private final FactsVersion facts = new FactsVersion(null);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RankingCache cache = new RankingCache(facts, CONFIG, clock, registry);
    private final AtomicInteger computed = new AtomicInteger();

    private Ranking ask(Object question) {
        return cache.get(question, () -> {
            computed.incrementAndGet();
            return Ranking.of(NOVEMBER, 20, 3, List.of());
        });
    }

    @Test
    void theSameQuestionWhileNothingChangedIsAnsweredFromTheCache() {
        Ranking first = ask("region 19, November");
        assertSame(first, ask("region 19, November"));
        assertEquals(1, computed.get());
        ask("region 75, November");
        assertEquals(2, computed.get(), "another question is computed");
        assertEquals(1.0, registry.counter("appeals.analytics.ranking.cache", "outcome", "hit").count());
        assertEquals(2.0, registry.counter("appeals.analytics.ranking.cache", "outcome", "miss").count());
    }

    @Test
    void aCommittedChangeOfTheFactsIsSeenAtOnce() {
        ask("region 19, November");
        facts.committed();
        ask("region 19, November");
        assertEquals(2, computed.get());
    }

    @Test
    void anEntryServesNoLongerThanTheMaximumAgeWhateverThisReplicaSaw() {
        ask("region 19, November");
        clock.advance(Duration.ofSeconds(5));
        ask("region 19, November");
        assertEquals(1, computed.get(), "still within 5 s");
        clock.advance(Duration.ofMillis(1));
        ask("region 19, November");
        assertEquals(2, computed.get(), "another replica's changes show after at most 5 s");
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
