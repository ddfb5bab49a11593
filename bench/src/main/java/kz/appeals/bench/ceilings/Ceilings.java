package kz.appeals.bench.ceilings;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * The raw ceilings under the pipeline, measured on the running system's own PostgreSQL, Kafka and intake JVM, one
 * after the other (each alone, so they do not take CPU from each other): what the services' numbers are compared
 * with in the same run.
 *
 * @param postgresSingleRowCommits durable single-row transactions per second ({@link PostgresCommitProbe})
 * @param kafkaProducer            acknowledged 1 KB records per second ({@link KafkaProducerProbe})
 * @param emptyQuarkusEndpoint     requests per second of intake's liveness check ({@link HttpEndpointProbe})
 */
public record Ceilings(Measured measured, Phase postgresSingleRowCommits, Phase kafkaProducer,
                       Phase emptyQuarkusEndpoint) {

    /** What the report says about the probes (never the password). */
    public record Measured(String jdbc, String dbUser, String kafka, String emptyEndpoint, int concurrency,
                           double secondsEach, String kafkaRecords) {
    }

    /** Where and how long to measure; {@code emptyEndpoint} is the full URL of the endpoint. */
    public record Settings(String jdbc, String dbUser, String dbPassword, String kafka, URI emptyEndpoint,
                           int concurrency, Duration duration) {
    }

    public static Ceilings measure(Settings settings, PrintStream console) throws Exception {
        console.printf(Locale.ROOT, "ceilings: PostgreSQL single-row commits, %d connections, %s%n",
                settings.concurrency(), settings.duration());
        Phase commits = PostgresCommitProbe.run(settings.jdbc(), settings.dbUser(), settings.dbPassword(),
                settings.concurrency(), settings.duration());
        console.printf(Locale.ROOT, "ceilings: %.0f commits/s (p99 %.2f ms)%n", commits.perSecond(), commits.p99Ms());
        console.printf(Locale.ROOT, "ceilings: Kafka producer, acks=all, idempotent, 1 KB records, %s%n",
                settings.duration());
        Phase kafka = KafkaProducerProbe.run(settings.kafka(), settings.duration());
        console.printf(Locale.ROOT, "ceilings: %.0f records/s (p99 %.2f ms)%n", kafka.perSecond(), kafka.p99Ms());
        console.printf(Locale.ROOT, "ceilings: GET %s, %d clients, %s%n", settings.emptyEndpoint(),
                settings.concurrency(), settings.duration());
        Phase endpoint = HttpEndpointProbe.run(settings.emptyEndpoint(), settings.concurrency(), settings.duration());
        console.printf(Locale.ROOT, "ceilings: %.0f requests/s (p99 %.2f ms)%n", endpoint.perSecond(),
                endpoint.p99Ms());
        return new Ceilings(new Measured(settings.jdbc(), settings.dbUser(), settings.kafka(),
                settings.emptyEndpoint().toString(), settings.concurrency(), settings.duration().toMillis() / 1000.0,
                "1 KB, acks=all, idempotent, 6 partitions, scratch topic deleted afterwards"), commits, kafka, endpoint);
    }
}
