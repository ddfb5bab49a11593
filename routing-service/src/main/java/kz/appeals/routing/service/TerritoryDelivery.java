package kz.appeals.routing.service;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.contracts.Topics;
import kz.appeals.platform.kafka.KafkaConnectionSettings;
import kz.appeals.platform.outbox.OutboxBacklog;
import kz.appeals.platform.outbox.OutboxConfig;
import kz.appeals.platform.problem.Problem;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.routing.config.TerritoryDeliveryConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.health.Readiness;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether every copy of the territory has what routing published: the events still in routing's outbox, and for each
 * consumer group that keeps a copy how many records of {@code appeals.territory} it has not yet confirmed. A group
 * confirms by committing its position after it applied a batch, so "behind 0" means its copy is current — intake
 * then accepts the new codes. Asked on demand (an importer watching after an import), with a short-lived admin
 * client: nothing runs while nobody asks.
 */
@ApplicationScoped
public class TerritoryDelivery {

    /**
     * One consumer group: records of the topic it has not confirmed, and how many of its members read the topic now
     * (0: nobody is applying what it is behind by).
     */
    public record ConsumerPosition(String group, long behind, int readers) {
    }

    /**
     * @param waitingInOutbox     territory events routing committed and has not yet published
     * @param consumers           each watched group's position
     * @param everyConsumerHasIt  nothing waits in the outbox and no group is behind
     */
    public record Delivery(Instant checkedAt, long waitingInOutbox, List<ConsumerPosition> consumers,
                           boolean everyConsumerHasIt) {
    }

    private final TerritoryDeliveryConfig config;
    private final OutboxBacklog outbox;
    private final Map<String, Object> adminSettings;
    private final Clock clock;

    public TerritoryDelivery(TerritoryDeliveryConfig config, @Readiness OutboxBacklog outbox, OutboxConfig outboxConfig,
                             @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
        this.adminSettings = KafkaConnectionSettings.sharedWithChannels(kafkaConfig);
        adminSettings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, outboxConfig.bootstrapServers());
        adminSettings.put(AdminClientConfig.CLIENT_ID_CONFIG, "routing-territory-delivery");
        int timeout = (int) config.brokerTimeout().toMillis();
        adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    }

    public Delivery now() {
        Instant checkedAt = clock.instant();
        // the outbox first: a record published after the offsets were read would otherwise count as delivered
        long waiting = outbox.waitingFor(Topics.TERRITORY);
        try (Admin admin = Admin.create(adminSettings)) {
            Map<TopicPartition, Long> ends = offsets(admin, OffsetSpec.latest());
            Map<TopicPartition, Long> starts = offsets(admin, OffsetSpec.earliest());
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = admin.listConsumerGroupOffsets(
                    config.consumerGroups().stream().collect(Collectors.toMap(Function.identity(),
                            group -> new ListConsumerGroupOffsetsSpec().topicPartitions(ends.keySet()))))
                    .all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
            Map<String, KafkaFuture<ConsumerGroupDescription>> groups =
                    admin.describeConsumerGroups(config.consumerGroups()).describedGroups();
            List<ConsumerPosition> consumers = config.consumerGroups().stream().map(group -> new ConsumerPosition(
                    group, behind(ends, starts, committed.getOrDefault(group, Map.of())), readers(groups.get(group))))
                    .toList();
            return new Delivery(checkedAt, waiting, consumers,
                    waiting == 0 && consumers.stream().allMatch(consumer -> consumer.behind() == 0));
        } catch (ExecutionException | TimeoutException e) {
            throw brokerUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw brokerUnavailable(e);
        }
    }

    /** Per partition of the topic; none when the topic does not exist yet (nothing was ever published). */
    private Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions;
        try {
            partitions = admin.describeTopics(List.of(Topics.TERRITORY)).allTopicNames()
                    .get(timeoutMillis(), TimeUnit.MILLISECONDS).get(Topics.TERRITORY).partitions().stream()
                    .map(partition -> new TopicPartition(Topics.TERRITORY, partition.partition())).toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Map.of();
            }
            throw e;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec)))
                .all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
        return found.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /** A partition the group never committed on counts from the partition's first record still in the log. */
    private static long behind(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> starts,
                               Map<TopicPartition, OffsetAndMetadata> committed) {
        long behind = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata position = committed.get(end.getKey());
            long from = position == null ? starts.getOrDefault(end.getKey(), 0L) : position.offset();
            behind += Math.max(0, end.getValue() - from);
        }
        return behind;
    }

    /** A group that never existed, or has no member now, has none; its committed position still counts. */
    private int readers(KafkaFuture<ConsumerGroupDescription> description) {
        try {
            return (int) description.get(timeoutMillis(), TimeUnit.MILLISECONDS).members().stream()
                    .filter(member -> member.assignment().topicPartitions().stream()
                            .anyMatch(partition -> partition.topic().equals(Topics.TERRITORY)))
                    .count();
        } catch (ExecutionException | TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private long timeoutMillis() {
        return config.brokerTimeout().toMillis();
    }

    private static ProblemException brokerUnavailable(Exception e) {
        return new ProblemException(Problem.of(503, "broker-unavailable", "Service temporarily unavailable",
                "The event broker did not answer, so where its consumers stand is not known now. Retry after a few "
                        + "seconds. (" + e.getClass().getSimpleName() + ")"));
    }
}
