package kz.appeals.intake.open311.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the GeoReport v2 discovery document tells client developers; set per deployment. */
@ConfigMapping(prefix = "open311")
public interface Open311Config {

    /** Who to contact about the endpoint. */
    @WithDefault("The operator of the appeals platform (see the README's Open311 section)")
    String contact();

    /** Where a client gets an api_key. */
    @WithDefault("An administrator issues keys with POST /api/v1/admin/open311-keys (role admin)")
    String keyService();
}
