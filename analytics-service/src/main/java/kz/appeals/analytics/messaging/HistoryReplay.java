package kz.appeals.analytics.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import kz.appeals.analytics.config.HistoryReplayConfig;
import kz.appeals.analytics.service.FactsFold;
import kz.appeals.analytics.service.FactsRebuild;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.inbox.CloudEventReader;
import kz.appeals.platform.inbox.DeadLetters;
import kz.appeals.platform.inbox.IncomingEvent;
import kz.appeals.platform.inbox.UnprocessableEventException;
import kz.appeals.platform.kafka.KafkaConnectionSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Rebuilds analytics from the lifecycle topics in bulk when it starts empty, before its consumers start: the same
 * events, read by the same contract check, merged by the same rules and deduplicated by event id as the
 * consumers would, but folded in memory and written with COPY ({@link FactsRebuild}) — tens of thousands of
 * records a second instead of about fifteen hundred. The consumer group's offsets are then moved to where the
 * replay stopped, and the consumers go on from there. Whatever goes wrong before the commit leaves nothing written
 * and the consumers replay history record by record as before.
 */
@ApplicationScoped
public class HistoryReplay {

    private static final Logger LOG = Logger.getLogger(HistoryReplay.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** Every channel the replay stands in for, with the event types it applies. */
    private static final Map<String, Set<EventType>> MERGED_BY_CHANNEL = merged();

    private final HistoryReplayConfig config;
    private final Config channels;
    private final Map<String, Object> kafkaConfig;
    private final FactsRebuild rebuild;
    private final DeadLetters deadLetters;
    private final MeterRegistry registry;

    public HistoryReplay(HistoryReplayConfig config, Config channels,
                         @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, FactsRebuild rebuild,
                         DeadLetters deadLetters, MeterRegistry registry) {
        this.config = config;
        this.channels = channels;
        this.kafkaConfig = kafkaConfig;
        this.rebuild = rebuild;
        this.deadLetters = deadLetters;
        this.registry = registry;
    }

    /** Before SmallRye Reactive Messaging starts the channels: its own observer has priority LIBRARY_BEFORE. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent start) {
        if (config.enabled()) {
            replayIfEmpty();
        }
    }

    void replayIfEmpty() {
        long started = System.nanoTime();
        String group = channels.getValue("mp.messaging.incoming." + LifecycleConsumers.CHANNEL + ".group.id",
                String.class);
        try (Admin admin = Admin.create(clientSettings())) {
            if (hasMembers(admin, group)) {
                LOG.infof("History replay: group %s has members, so analytics is being fed already", group);
                return;
            }
            Map<String, String> channelOfTopic = new HashMap<>();
            MERGED_BY_CHANNEL.keySet().forEach(channel -> topicsOf(channel).forEach(topic ->
                    channelOfTopic.put(topic, channel)));
            Map<TopicPartition, Long> starts = new HashMap<>();
            Map<TopicPartition, Long> ends = new HashMap<>();
            positions(admin, group, channelOfTopic.keySet(), starts, ends);
            long records = ends.entrySet().stream().mapToLong(end -> end.getValue() - starts.get(end.getKey())).sum();
            if (records == 0) {
                return;
            }
            Counts counts = new Counts();
            Optional<FactsRebuild.Rebuilt> rebuilt = rebuild.rebuildIfEmpty(LifecycleConsumers.CONSUMER,
                    config.timeout(), () -> new TopicHistory(slices(ends.keySet(), territoryTopic()), starts, ends,
                            channelOfTopic, records, counts));
            if (rebuilt.isEmpty()) {
                LOG.infof("History replay: analytics holds facts already; its consumers go on from their offsets");
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> replayed = ends.entrySet().stream().collect(
                    Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue())));
            admin.alterConsumerGroupOffsets(group, replayed).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long elapsed = System.nanoTime() - started;
            counts.report(registry, rebuilt.get(), Duration.ofNanos(elapsed));
            double seconds = elapsed / 1e9;
            LOG.info(String.format(Locale.ROOT, "History replay: %,d records in %.1f s (%.0f/s): %,d events applied "
                            + "to %,d facts, %,d duplicates, %,d of types analytics does not merge, %,d dead-lettered",
                    records, seconds, records / seconds, rebuilt.get().events(), rebuilt.get().facts(),
                    rebuilt.get().duplicates(), counts.ignored.sum(), counts.deadLettered.sum()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Either nothing was kept, and the consumers replay the same history themselves, only slower; or the
            // offsets alone did not move, and the consumers find every replayed record in the inbox.
            LOG.warnf(e, "History replay abandoned; the consumers replay history record by record instead");
        }
    }

    private static Map<String, Set<EventType>> merged() {
        Map<String, Set<EventType>> merged = new HashMap<>(LifecycleConsumers.MERGED_BY_CHANNEL);
        merged.put(TerritoryConsumer.CHANNEL, TerritoryConsumer.MERGED_TYPES);
        return Map.copyOf(merged);
    }

    /** A group that does not exist (deleted for a rebuild, or never created) has none. */
    private static boolean hasMembers(Admin admin, String group) throws Exception {
        try {
            return !admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).members().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    /** From the group's committed offsets (the earliest without them, as auto.offset.reset says) to the ends now. */
    private static void positions(Admin admin, String group, Set<String> topics, Map<TopicPartition, Long> starts,
                                  Map<TopicPartition, Long> ends) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((topic, description) -> description.partitions()
                        .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition()))));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        ends.putAll(offsets(admin, partitions, OffsetSpec.latest()));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata at = committed.get(partition);
            starts.put(partition, Math.max(earliest.get(partition), at == null ? 0 : at.offset()));
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec))).all()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /**
     * Stretches of history that hold every event of their appeals, folded one at a time so that memory holds a
     * stretch, not all of history; the territorial reference first, a stretch of its own. Lifecycle records are
     * keyed by appeal id, so with equal partition counts an appeal's events share a partition number on every
     * lifecycle topic. Should an appeal still show up in two stretches, its fact is copied twice and the key
     * refuses the whole rebuild: nothing is miscounted.
     */
    private static List<List<TopicPartition>> slices(Set<TopicPartition> partitions, String territoryTopic) {
        List<List<TopicPartition>> slices = new ArrayList<>();
        slices.add(partitions.stream().filter(partition -> partition.topic().equals(territoryTopic)).toList());
        List<TopicPartition> lifecycle = partitions.stream()
                .filter(partition -> !partition.topic().equals(territoryTopic)).toList();
        Map<String, Long> countByTopic = lifecycle.stream()
                .collect(Collectors.groupingBy(TopicPartition::topic, Collectors.counting()));
        if (new HashSet<>(countByTopic.values()).size() > 1) {
            slices.add(lifecycle);
        } else {
            slices.addAll(new TreeMap<>(lifecycle.stream().collect(Collectors.groupingBy(TopicPartition::partition)))
                    .values());
        }
        return slices;
    }

    private String territoryTopic() {
        return channels.getValue("mp.messaging.incoming." + TerritoryConsumer.CHANNEL + ".topic", String.class);
    }

    /** A channel's {@code topic}, or each of its {@code topics} (one consumer loop over several). */
    private List<String> topicsOf(String channel) {
        String prefix = "mp.messaging.incoming." + channel;
        return channels.getOptionalValue(prefix + ".topics", String.class)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).toList())
                .orElseGet(() -> List.of(channels.getValue(prefix + ".topic", String.class)));
    }

    private Map<String, Object> clientSettings() {
        Map<String, Object> settings = KafkaConnectionSettings.sharedWithChannels(kafkaConfig);
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                channels.getValue("kafka.bootstrap.servers", String.class));
        return settings;
    }

    /** What the replay did with the records, beside what it applied; counted by every reader. */
    private static final class Counts {
        final LongAdder ignored = new LongAdder();
        final LongAdder deadLettered = new LongAdder();

        /** For operators and the analytics-replay benchmark: what the start spent on history. */
        void report(MeterRegistry registry, FactsRebuild.Rebuilt rebuilt, Duration took) {
            String name = "appeals.analytics.history-replay.records";
            registry.counter(name, "outcome", "applied").increment(rebuilt.events());
            registry.counter(name, "outcome", "duplicate").increment(rebuilt.duplicates());
            registry.counter(name, "outcome", "ignored").increment(ignored.sum());
            registry.counter(name, "outcome", "dead-lettered").increment(deadLettered.sum());
            registry.timer("appeals.analytics.history-replay").record(took);
        }
    }

    /**
     * Reads the stretches on {@code readers} threads of their own, so that folding the next ones overlaps the
     * database copying the last; a finished fold waits for the writer to take it.
     */
    private final class TopicHistory implements FactsRebuild.History {

        private static final Object END = new Object();

        private final SynchronousQueue<Object> handOver = new SynchronousQueue<>();
        private final List<Thread> readers = new ArrayList<>();
        private final AtomicInteger nextSlice = new AtomicInteger();
        private final AtomicInteger running;
        private final long total;
        private final Counts counts;
        private final LongAdder read = new LongAdder();
        private final AtomicLong reportedAt = new AtomicLong(System.nanoTime());
        private final long startedAt = System.nanoTime();
        private volatile boolean closed;

        TopicHistory(List<List<TopicPartition>> slices, Map<TopicPartition, Long> starts,
                     Map<TopicPartition, Long> ends, Map<String, String> channelOfTopic, long total, Counts counts) {
            this.total = total;
            this.counts = counts;
            int threads = Math.max(1, Math.min(config.readers(), slices.size()));
            running = new AtomicInteger(threads);
            for (int r = 0; r < threads; r++) {
                Thread reader = new Thread(() -> {
                    try {
                        for (int slice = nextSlice.getAndIncrement(); slice < slices.size();
                             slice = nextSlice.getAndIncrement()) {
                            if (!offer(fold(slices.get(slice), starts, ends, channelOfTopic))) {
                                return;
                            }
                        }
                        if (running.decrementAndGet() == 0) {
                            offer(END);
                        }
                    } catch (RuntimeException | Error e) {
                        offer(e);
                    }
                }, "analytics-history-replay-" + r);
                reader.setDaemon(true);
                readers.add(reader);
            }
            readers.forEach(Thread::start);
        }

        @Override
        public Optional<FactsFold.Folded> next() throws InterruptedException {
            Object next = handOver.take();
            if (next == END) {
                return Optional.empty();
            }
            if (next instanceof RuntimeException e) {
                throw e;
            }
            if (next instanceof Error e) {
                throw e;
            }
            return Optional.of((FactsFold.Folded) next);
        }

        @Override
        public void close() {
            closed = true;
            readers.forEach(Thread::interrupt);
        }

        private boolean offer(Object item) {
            try {
                while (!closed) {
                    if (handOver.offer(item, 1, TimeUnit.SECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private FactsFold.Folded fold(List<TopicPartition> slice, Map<TopicPartition, Long> starts,
                                      Map<TopicPartition, Long> ends, Map<String, String> channelOfTopic) {
            FactsFold fold = rebuild.newFold();
            Map<String, Set<EventType>> mergedByTopic = new HashMap<>();
            channelOfTopic.forEach((topic, channel) ->
                    mergedByTopic.put(topic, MERGED_BY_CHANNEL.get(channel)));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings(),
                    new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> pending = new ArrayList<>(slice.stream()
                        .filter(partition -> ends.get(partition) > starts.get(partition)).toList());
                consumer.assign(pending);
                pending.forEach(partition -> consumer.seek(partition, starts.get(partition)));
                while (!pending.isEmpty() && !closed) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                            replay(record, fold, mergedByTopic.get(record.topic()), channelOfTopic);
                        }
                    }
                    List<TopicPartition> done = pending.stream()
                            .filter(partition -> consumer.position(partition) >= ends.get(partition)).toList();
                    if (!done.isEmpty()) {
                        consumer.pause(done);
                        pending.removeAll(done);
                    }
                    progress();
                }
            }
            return fold.finish();
        }

        private void replay(ConsumerRecord<String, String> record, FactsFold fold, Set<EventType> merged,
                            Map<String, String> channelOfTopic) {
            read.increment();
            IncomingEvent event;
            try {
                event = CloudEventReader.read(record);
            } catch (UnprocessableEventException e) {
                // parked as the consumer would; a failure to park abandons the replay, and the consumer retries
                deadLetters.park(channelOfTopic.get(record.topic()), record, e);
                counts.deadLettered.increment();
                return;
            }
            if (merged.contains(event.type())) {
                fold.apply(event);
            } else {
                counts.ignored.increment();
            }
        }

        private void progress() {
            long now = System.nanoTime();
            long last = reportedAt.get();
            if (now - last >= PROGRESS_EVERY.toNanos() && reportedAt.compareAndSet(last, now)) {
                long sofar = read.sum();
                LOG.info(String.format(Locale.ROOT, "History replay: %,d of %,d records read (%.0f/s)", sofar, total,
                        sofar / ((now - startedAt) / 1e9)));
            }
        }

        private Map<String, Object> consumerSettings() {
            Map<String, Object> settings = clientSettings();
            settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
            settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
            settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
            settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
            settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-history-replay");
            return settings;
        }
    }
}
