package kz.appeals.bench.ceilings;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The broker's producer ceiling with the services' durability: {@code acks=all}, idempotent, 1 KB records, onto a
 * scratch topic of six partitions created for the probe and deleted afterwards. Latency is send to acknowledgement.
 * Sends are asynchronous with a bounded number in flight, as an outbox relay publishes a batch.
 */
public final class KafkaProducerProbe {

    private static final int PARTITIONS = 6;
    private static final int RECORD_BYTES = 1024;
    private static final int IN_FLIGHT = 10_000;

    private KafkaProducerProbe() {
    }

    public static Phase run(String bootstrap, Duration duration) throws Exception {
        String topic = "bench-ceiling-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try {
                return produce(bootstrap, topic, duration);
            } finally {
                admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Phase produce(String bootstrap, String topic, Duration duration) throws InterruptedException {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] payload = new byte[RECORD_BYTES];
        Histogram micros = new ConcurrentHistogram(3);
        LongAdder acknowledged = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long end;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            // The first send waits for metadata; keep it out of the window.
            producer.send(new ProducerRecord<>(topic, payload)).get(30, TimeUnit.SECONDS);
            long start = System.nanoTime();
            end = start + duration.toNanos();
            while (System.nanoTime() < end) {
                inFlight.acquire();
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, payload), (metadata, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        failures.computeIfAbsent(failure.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    } else if (System.nanoTime() <= end) {
                        micros.recordValue((System.nanoTime() - sent) / 1000);
                        acknowledged.increment();
                    }
                });
            }
            producer.flush();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " did not acknowledge the first record", e);
        }
        return Phase.of(acknowledged, duration.toNanos() / 1e9, micros, failures);
    }
}
