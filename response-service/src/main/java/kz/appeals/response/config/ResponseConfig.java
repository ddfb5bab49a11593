package kz.appeals.response.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "appeals.response")
public interface ResponseConfig {

    /**
     * How long after an answer the applicant may reopen it as not satisfying. The law sets no such period: it is the
     * platform's policy, so an operator chooses it.
     */
    @WithDefault("P30D")
    Duration reopenWindow();
}
