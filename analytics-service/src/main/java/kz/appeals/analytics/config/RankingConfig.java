package kz.appeals.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "appeals.analytics.ranking")
public interface RankingConfig {

    /**
     * Fewest appeals in the period for a rural district to be ranked: below it the interval is too wide for a rank
     * to mean anything, so a village with two unlucky appeals is not put last.
     */
    @WithDefault("20")
    int minimumAppeals();
}
