package kz.appeals.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Whom routing watches to tell an importer when every copy of the territory has caught up. */
@ConfigMapping(prefix = "appeals.territory-delivery")
public interface TerritoryDeliveryConfig {

    /**
     * The Kafka consumer groups that keep their own copy of {@code appeals.territory}: the platform's services, and
     * any agency's group that should count before an import is called delivered.
     */
    List<String> consumerGroups();

    /** How long to wait for the broker's answers before calling it unavailable. */
    @WithDefault("10s")
    Duration brokerTimeout();
}
