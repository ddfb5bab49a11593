package kz.appeals.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "appeals.analytics.dashboard")
public interface DashboardConfig {

    /**
     * Base URL of routing as the reader's browser reaches it, for the map's boundaries; routing must list the
     * dashboard's origin in its CORS origins ({@code APPEALS_DASHBOARD_ORIGINS}).
     */
    @WithDefault("http://127.0.0.1:8082")
    String territoryUrl();
}
