package kz.appeals.platform.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.appeals.platform.kafka.KafkaConnectionSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks one record of a polled batch on the channel's dead-letter topic. A batch channel cannot leave this to
 * SmallRye's dead-letter strategy, which parks a failed batch whole; this writes the same record the strategy
 * would (the channel's {@code dead-letter-queue.topic}, the original key, value and headers, and the
 * {@code dead-letter-*} headers naming the reason and the record's origin), so a reader of a dead-letter topic
 * cannot tell which path parked a record.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Config config;
    private final Map<String, Object> kafkaConfig;
    /** Created on first use: most runs of a service never dead-letter anything. */
    private KafkaProducer<String, String> producer;

    /** @param kafkaConfig the {@code kafka.*} configuration the channels use */
    public DeadLetters(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /**
     * Returns once the broker has acknowledged the parked record, so the caller may then acknowledge the original.
     *
     * @throws IllegalStateException when the broker did not acknowledge it in time: the caller retries
     */
    public void park(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        String topic = topicOf(channel);
        ProducerRecord<String, String> parked = new ProducerRecord<>(topic, record.key(), record.value());
        header(parked, "dead-letter-exception-class-name", reason.getClass().getName());
        header(parked, "dead-letter-reason", messageOf(reason));
        if (reason.getCause() != null) {
            header(parked, "dead-letter-cause-class-name", reason.getCause().getClass().getName());
            header(parked, "dead-letter-cause", messageOf(reason.getCause()));
        }
        header(parked, "dead-letter-topic", record.topic());
        header(parked, "dead-letter-partition", Integer.toString(record.partition()));
        header(parked, "dead-letter-offset", Long.toString(record.offset()));
        record.headers().forEach(parked.headers()::add);
        try {
            producer().send(parked).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while dead-lettering to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not dead-letter to " + topic + ": " + e, e);
        }
        LOG.warnf("%s: %s/%d/%d parked on %s: %s", channel, record.topic(), record.partition(), record.offset(),
                topic, messageOf(reason));
    }

    String topicOf(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = KafkaConnectionSettings.sharedWithChannels(kafkaConfig);
            settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    config.getValue("kafka.bootstrap.servers", String.class));
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis());
            // below the delivery timeout, which must also cover linger.ms
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.dividedBy(2).toMillis());
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-"
                    + config.getOptionalValue("quarkus.application.name", String.class).orElse("service"));
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private static String messageOf(Throwable throwable) {
        return throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
