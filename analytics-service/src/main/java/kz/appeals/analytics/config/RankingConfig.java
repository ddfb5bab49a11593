package kz.appeals.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "appeals.analytics.ranking")
public interface RankingConfig {

    /**
     * Fewest weighted appeals in the period for a territory to be ranked: below it the interval is too wide for a
     * rank to mean anything, so a village with two unlucky appeals is not put last.
     */
    @WithDefault("20")
    int minimumAppeals();

    /**
     * Most appeals one applicant's issues weigh together in a territory's trust index, so that a few persistent
     * applicants can neither sink nor float an akim. Their appeals are all registered and answered regardless.
     */
    @WithDefault("3")
    int applicantWeightCap();

    /**
     * Longest a ranking is served from the cache (RankingCache). Changes this replica commits refresh it at once;
     * this bounds how late changes another replica consumed show.
     */
    @WithDefault("5s")
    Duration cacheMaxAge();
}
