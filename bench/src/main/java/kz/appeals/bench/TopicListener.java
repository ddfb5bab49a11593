package kz.appeals.bench;

import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads one lifecycle topic on its own thread and hands every event of the wanted types to a sink, with the time it
 * was read. It reads all partitions from their end as of {@link #start}, without a consumer group: the run must see
 * only events that follow its own submissions, and must not disturb any service's committed offsets.
 */
public final class TopicListener implements AutoCloseable {

    /** Receives the events, on the listener's thread; {@code subject} is the appeal id ({@code ce_subject}). */
    @FunctionalInterface
    public interface Sink {
        void event(UUID subject, String type, long receivedNanos, byte[] value);
    }

    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);
    static final String ROUTED = EventType.ROUTED.wireName();
    static final String NEEDS_TRIAGE = EventType.NEEDS_TRIAGE.wireName();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Set<String> types;
    private final Sink sink;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean stopping;

    private TopicListener(String bootstrapServers, String topic, Set<String> types, String clientId, Sink sink) {
        this.topic = topic;
        this.types = Set.copyOf(types);
        this.sink = sink;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) METADATA_TIMEOUT.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, clientId + "-listener");
        this.thread.setDaemon(true);
    }

    /** ROUTED and NEEDS_TRIAGE events of {@code appeals.routing}, as the submit-to-routed benchmark follows them. */
    static TopicListener routed(String bootstrapServers, RoutedTracker tracker) throws InterruptedException {
        return start(bootstrapServers, Topics.ROUTING, Set.of(ROUTED, NEEDS_TRIAGE), "bench-submit-to-routed",
                (appealId, type, receivedNanos, value) -> tracker.routed(appealId, NEEDS_TRIAGE.equals(type),
                        receivedNanos));
    }

    /** Returns once every partition's end offset is fixed, so that no event of the run can be skipped. */
    public static TopicListener start(String bootstrapServers, String topic, Set<String> types, String clientId,
                                      Sink sink) throws InterruptedException {
        TopicListener listener;
        try {
            listener = new TopicListener(bootstrapServers, topic, types, clientId, sink);
        } catch (KafkaException e) {
            throw new IllegalStateException("Kafka client for " + bootstrapServers + ": " + e.getMessage(), e);
        }
        listener.thread.start();
        if (!listener.ready.await(2 * METADATA_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            listener.close();
            throw new IllegalStateException("Kafka at " + bootstrapServers + " did not answer within "
                    + 2 * METADATA_TIMEOUT.toSeconds() + " s");
        }
        RuntimeException failed = listener.failure.get();
        if (failed != null) {
            listener.close();
            throw failed;
        }
        return listener;
    }

    // The consumer is not thread-safe: it is created above but only ever used from here on, and closed here.
    private void run() {
        try {
            List<TopicPartition> partitions = partitions();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            // seekToEnd is lazy; position() makes the broker fix the offsets now, before the first send.
            partitions.forEach(consumer::position);
            ready.countDown();
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                long receivedNanos = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handle(record, receivedNanos);
                }
            }
        } catch (WakeupException e) {
            // close() interrupts a poll this way; nothing more to read
        } catch (RuntimeException e) {
            failure.compareAndSet(null, new IllegalStateException("Reading " + topic + " failed: " + e, e));
        } finally {
            ready.countDown();
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, long receivedNanos) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type == null || !types.contains(type)) {
            return;
        }
        String subject = header(record, CloudEventHeaders.SUBJECT);
        if (subject == null) {
            return;
        }
        UUID appealId;
        try {
            appealId = UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            // not an appeal id, so not one of ours: contract checks belong to the services' own tests
            return;
        }
        sink.event(appealId, type, receivedNanos, record.value());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A failure while reading, if any; the run reports it instead of waiting out its timeout. */
    public RuntimeException failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
