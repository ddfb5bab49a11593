package kz.appeals.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "appeals.analytics.history-replay")
public interface HistoryReplayConfig {

    /**
     * Whether a start that finds analytics empty — its first start, or the first after "Rebuild analytics"
     * (docs/operations.md) — reads the lifecycle topics in bulk before its consumers start, instead of letting
     * them apply years of events one poll at a time.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Stretches of history read and folded at once, each on a thread and in memory of its own: two keep both
     * cores of a small node busy, the database taking its share while it copies what the readers finished.
     */
    @WithDefault("2")
    int readers();

    /** Records per poll of the bulk reader: large, since it only reads. */
    @WithDefault("10000")
    int maxPollRecords();

    /** Longest the replay's one transaction may last; beyond it nothing is kept and the consumers replay instead. */
    @WithDefault("2h")
    Duration timeout();
}
