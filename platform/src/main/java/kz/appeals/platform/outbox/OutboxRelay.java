package kz.appeals.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import kz.appeals.contracts.CloudEventHeaders;
import kz.appeals.contracts.ContractValidator;
import kz.appeals.contracts.EventType;
import kz.appeals.platform.kafka.KafkaConnectionSettings;
import kz.appeals.platform.tracing.EventTracing;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them published once the broker has
 * acknowledged them. A transaction-scoped advisory lock lets exactly one replica relay at a time, which keeps
 * each appeal's events in order; the others wait and take over if it dies. Delivery is at least once: a crash
 * between the broker's acknowledgement and the commit of the mark republishes the batch, and consumers deduplicate
 * by event id.
 *
 * <p>The relay sleeps until a commit in this process wrote outbox rows ({@link #wakeUp}), and otherwise looks only
 * every {@link OutboxConfig#idlePollInterval()}: an idle service costs next to nothing. A wake-up while another
 * replica holds the lock is not dropped: that relay may have read the outbox before the commit, so this one looks
 * again as soon as the lock is free.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BACKOFF_AFTER_FAILURE = Duration.ofSeconds(1);
    /** How soon a woken relay asks again for the lock another replica's relay holds (one batch takes milliseconds). */
    private static final Duration LOCK_RETRY = Duration.ofMillis(50);
    /** What {@link #publishNextBatch} returns when another replica's relay holds the lock. */
    private static final int ANOTHER_RELAY_PUBLISHES = -1;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final EventTracing tracing;
    private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    private final Counter published;
    private final Counter failures;

    /** @param kafkaConfig the {@code kafka.*} configuration (environment {@code KAFKA_*}) the channels use */
    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config, MeterRegistry registry,
                       @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventTracing tracing) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.tracing = tracing;
        this.published = Counter.builder("appeals.outbox.published").description("Events the broker acknowledged")
                .register(registry);
        this.failures = Counter.builder("appeals.outbox.relay.failures")
                .description("Relay batches that failed and were retried").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.warn("Outbox relay disabled by configuration: events stay in the outbox table");
            return;
        }
        producer = new KafkaProducer<>(producerSettings(), new StringSerializer(), new StringSerializer());
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeUp();
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(10));
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a commit that wrote outbox rows, so events leave at once instead of at the next poll. */
    void wakeUp() {
        wakeUps.offer(Boolean.TRUE);
    }

    private void relayUntilStopped() {
        // at start: whatever an earlier run left
        boolean woken = true;
        while (running) {
            try {
                int published = publishNextBatch();
                if (published == config.batchSize()) {
                    continue;
                }
                if (published == ANOTHER_RELAY_PUBLISHES && woken) {
                    wakeUps.poll(LOCK_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                woken = wakeUps.poll(config.idlePollInterval().toMillis(), TimeUnit.MILLISECONDS) != null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("Outbox relay failed, retrying in %s: %s", BACKOFF_AFTER_FAILURE, e.getMessage());
                sleepQuietly(BACKOFF_AFTER_FAILURE);
                woken = true;
            }
        }
    }

    /**
     * Publishes the oldest unpublished rows and marks them, in one statement, once the broker has acknowledged all.
     *
     * @return how many events were published, or {@link #ANOTHER_RELAY_PUBLISHES}
     */
    int publishNextBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!OutboxTable.tryRelayLock(connection)) {
                    return ANOTHER_RELAY_PUBLISHES;
                }
                List<OutboxTable.Unpublished> rows = OutboxTable.lockUnpublished(connection, config.batchSize());
                if (rows.isEmpty()) {
                    return 0;
                }
                sendAndAwaitAcknowledgement(rows);
                OutboxTable.markPublished(connection, rows.stream().map(OutboxTable.Unpublished::id).toList());
                published.increment(rows.size());
                return rows.size();
            }
        });
    }

    private void sendAndAwaitAcknowledgement(List<OutboxTable.Unpublished> rows) throws Exception {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        for (OutboxTable.Unpublished row : rows) {
            acknowledgements.add(producer.send(toRecord(row)));
        }
        producer.flush();
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (Future<RecordMetadata> acknowledgement : acknowledgements) {
            acknowledgement.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    private ProducerRecord<String, String> toRecord(OutboxTable.Unpublished row) {
        String id = row.id().toString();
        String subject = row.aggregateId();
        String type = row.type();
        String topic = row.topic();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, row.payload());
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, id);
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SUBJECT, subject);
        header(record, CloudEventHeaders.TIME, row.occurredAt().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        EventType.fromWireName(type).ifPresent(known -> header(record, CloudEventHeaders.DATA_SCHEMA,
                ContractValidator.schemaId(known)));
        tracing.tracePublish(row.tracingSpanContext(), topic, id, type, record.headers());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = KafkaConnectionSettings.sharedWithChannels(kafkaConfig);
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 15_000),
                ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-')));
        return settings;
    }

    /** Deletes rows long since published; unpublished rows are never touched. */
    @Scheduled(every = "${appeals.outbox.cleanup-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublishedRows() {
        QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                OutboxTable.deletePublishedBefore(connection, Instant.now().minus(config.retainPublished()));
                return null;
            }
        });
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
