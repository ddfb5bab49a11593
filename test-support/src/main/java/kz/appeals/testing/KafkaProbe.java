package kz.appeals.testing;

import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads and writes the real test broker the way another agency would: plain Kafka clients, CloudEvents headers.
 * Everything read through {@link #await} is also checked against the published JSON Schema.
 */
public final class KafkaProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    /** Records polled but not yet matched: two events committed together often arrive in one poll. */
    private final java.util.Deque<ConsumerRecord<String, String>> unmatched = new java.util.ArrayDeque<>();

    /** Starts reading {@code topic} from its current end, so earlier tests' records are not seen. */
    public KafkaProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer());
    }

    /** Waits for the first record matching {@code wanted}; fails if none comes in time or it breaks the contract. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        do {
            for (var pending = unmatched.iterator(); pending.hasNext(); ) {
                ConsumerRecord<String, String> record = pending.next();
                if (wanted.test(record)) {
                    pending.remove();
                    assertMatchesContract(record);
                    return record;
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(unmatched::add);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("No matching record within " + timeout);
    }

    /** All records seen during {@code window}, e.g. to prove that something was NOT published. */
    public List<ConsumerRecord<String, String>> collect(Duration window) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>(unmatched);
        unmatched.clear();
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return seen;
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(EventType type, String subject) {
        return record -> type.wireName().equals(header(record, CloudEventHeaders.TYPE))
                && subject.equals(header(record, CloudEventHeaders.SUBJECT));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Waits until consumer group {@code groupId} has committed, on every partition of {@code topics}, the offsets
     * the topics end at now: the group has worked through everything published before this call. A service
     * started on the shared test broker first drains what earlier modules' tests left on the topics.
     */
    public static void awaitCaughtUp(String groupId, List<String> topics, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.KAFKA_BOOTSTRAP))) {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(topic ->
                    topic.partitions().forEach(p -> ends.put(new TopicPartition(topic.name(), p.partition()),
                            OffsetSpec.latest())));
            Map<TopicPartition, Long> target = new java.util.HashMap<>();
            admin.listOffsets(ends).all().get().forEach((partition, info) -> target.put(partition, info.offset()));
            Instant deadline = Instant.now().plus(timeout);
            Map<TopicPartition, Long> behind = target;
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
                behind = new java.util.HashMap<>();
                for (var entry : target.entrySet()) {
                    OffsetAndMetadata at = committed.get(entry.getKey());
                    long position = at == null ? 0 : at.offset();
                    if (entry.getValue() > position) {
                        behind.put(entry.getKey(), entry.getValue() - position);
                    }
                }
                if (behind.isEmpty()) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new AssertionError(groupId + " still behind after " + timeout + ": " + behind);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Reading offsets of " + groupId + " failed", e);
        }
    }

    /** Sends a record with CloudEvents headers as a producer of {@code type} would (or deliberately malformed). */
    public void send(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Send to " + topic + " failed", e);
        }
    }

    /** Standard CloudEvents headers for a well-formed event of {@code type}. */
    public static Map<String, String> cloudEventHeaders(EventType type, UUID eventId, String subject) {
        return Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.SOURCE, "/kz/appeals/test",
                CloudEventHeaders.TYPE, type.wireName(),
                CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }

    private static void assertMatchesContract(ConsumerRecord<String, String> record) {
        if (record.topic().startsWith(Topics.deadLetter(""))) {
            return; // dead letters are by definition records that broke the contract
        }
        String type = header(record, CloudEventHeaders.TYPE);
        EventType.fromWireName(type).ifPresent(known -> {
            List<String> violations = ContractValidator.violations(known, record.value());
            if (!violations.isEmpty()) {
                throw new AssertionError("Published " + type + " violates its schema: " + violations);
            }
        });
        if (header(record, CloudEventHeaders.ID) == null || record.key() == null) {
            throw new AssertionError("Published record lacks ce_id or key: " + record);
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
