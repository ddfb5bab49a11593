package kz.appeals.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the {@code kafka.*} configuration (environment {@code KAFKA_*}) that a Kafka client of our own (the
 * outbox relay's producer, the dead-letter producer) shares with the messaging channels: authentication and
 * encryption, which k8s/ sets to SASL_SSL with the service's KafkaUser. The rest of {@code kafka.*} is consumer
 * configuration for the channels and would be wrong for a producer.
 */
public final class KafkaConnectionSettings {

    private static final List<String> SHARED_SETTING_PREFIXES = List.of("security.", "sasl.", "ssl.");

    public static Map<String, Object> sharedWithChannels(Map<String, Object> kafkaConfig) {
        Map<String, Object> shared = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (SHARED_SETTING_PREFIXES.stream().anyMatch(key::startsWith) && !String.valueOf(value).isBlank()) {
                shared.put(key, value);
            }
        });
        return shared;
    }

    private KafkaConnectionSettings() {
    }
}
