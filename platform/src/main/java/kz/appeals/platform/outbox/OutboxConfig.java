package kz.appeals.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "appeals.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of everything this service publishes, e.g. {@code /kz/appeals/intake}. */
    String source();

    /** The broker the relay publishes to; the same one SmallRye messaging consumes from. */
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    /** Rows published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long the relay sleeps when no commit of this process wakes it: bounds only the delay of rows that no relay
     * was woken for (another replica's, written just before it died). Long, so that an idle service stays idle.
     */
    @WithDefault("10s")
    Duration idlePollInterval();

    /** How long the broker may take to acknowledge a batch before the relay gives up and retries it. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Published rows are kept this long for inspection, then deleted. */
    @WithDefault("P2D")
    Duration retainPublished();

    /** Off only in tests that need to observe rows before they are relayed. */
    @WithDefault("true")
    boolean relayEnabled();
}
