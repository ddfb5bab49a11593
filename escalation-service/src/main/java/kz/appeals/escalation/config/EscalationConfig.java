package kz.appeals.escalation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "appeals.escalation")
public interface EscalationConfig {

    /**
     * How often the sweeper looks for lapsed terms; terms lapse at midnight national time, so a minute's delay is
     * immaterial. Read by the {@code @Scheduled} expression of LapseSweeper; declared here so that the setting is
     * documented and validated like the others.
     */
    @WithDefault("60s")
    Duration sweepEvery();

    /** Deadlines lapsed per transaction; a sweep repeats batches until one comes back short. */
    @WithDefault("200")
    int sweepBatchSize();
}
