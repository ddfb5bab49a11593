package kz.appeals.systemtests;

import kz.appeals.testing.TestInfrastructure;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the services published on some topics between {@link #open} and {@link #close}, as offset ranges: read back
 * byte for byte, published again (same key, so the same partition; same headers, so the same CloudEvents id), and
 * hidden from a stopped consumer group by moving its offsets past the window — a delivery delayed behind later events.
 */
final class TopicWindow {

    private final Map<TopicPartition, Long> start;
    private Map<TopicPartition, Long> end;

    private TopicWindow(Map<TopicPartition, Long> start) {
        this.start = start;
    }

    /** The window opens at the topics' current ends. */
    static TopicWindow open(Collection<String> topics) {
        return new TopicWindow(endOffsets(topics));
    }

    /** The window closes at the topics' current ends: nothing published later belongs to it. */
    TopicWindow close() {
        end = endOffsets(start.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet()));
        return this;
    }

    /** Every record of the window on {@code topics}, in partition order. */
    List<ConsumerRecord<byte[], byte[]>> records(Collection<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (TopicPartition partition : partitions(topics)) {
                long from = start.get(partition);
                long to = end.get(partition);
                consumer.assign(List.of(partition));
                consumer.seek(partition, from);
                while (consumer.position(partition) < to) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < to) {
                            records.add(record);
                        }
                    }
                }
            }
        }
        return records;
    }

    /** Publishes the window's records of {@code topics} again, as they are; returns how many. */
    int republish(Collection<String> topics) {
        List<ConsumerRecord<byte[], byte[]>> records = records(topics);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                List<Header> headers = List.of(record.headers().toArray());
                producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers));
            }
            producer.flush();
        }
        return records.size();
    }

    /**
     * Moves the stopped {@code group} past the window on {@code topics}, after checking that it had read exactly up to
     * the window's start (so that it skips the window and nothing else).
     */
    void skip(String group, Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetAndMetadata> skipped = new HashMap<>();
            for (TopicPartition partition : partitions(topics)) {
                OffsetAndMetadata at = committed.get(partition);
                assertEquals(start.get(partition), at == null ? 0 : at.offset(), group + " on " + partition
                        + " had not read up to the window");
                skipped.put(partition, new OffsetAndMetadata(end.get(partition)));
            }
            admin.alterConsumerGroupOffsets(group, skipped).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Moving the offsets of " + group + " failed (is it stopped?)", e);
        }
    }

    private List<TopicPartition> partitions(Collection<String> topics) {
        return start.keySet().stream().filter(p -> topics.contains(p.topic()))
                .sorted(Comparator.comparing(TopicPartition::toString)).toList();
    }

    private static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading the end offsets of " + topics + " failed", e);
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA_BOOTSTRAP));
    }
}
