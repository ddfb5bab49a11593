package kz.appeals.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
