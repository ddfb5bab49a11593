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
     * How often RankingRefresher reads every replica's changes and recomputes the rankings they outdated: how late
     * a change another replica consumed can show in this replica's cached rankings. Read by its {@code @Scheduled}
     * expression; declared here so that the setting is documented and validated with the others.
     */
    Duration refreshEvery();

    /** How long a ranking nobody asks again is still kept current by RankingRefresher. */
    @WithDefault("10m")
    Duration keepWarm();

    /**
     * How long after it was computed a ranking that newer facts outdated is still served (its {@code computedAt}
     * says how old it is) while it is recomputed in the background; beyond it the reader waits for the computation.
     * While events pour in every ranking is outdated within a second, and at national scale computing one takes
     * seconds of database time: 30 s is six refresh spacings, enough for a ranking read at all to be recomputed
     * ahead of its readers, and the appeals of 30 s do not move a ranking over months. 0 serves current rankings
     * only.
     */
    @WithDefault("30s")
    Duration serveOutdatedFor();
}
