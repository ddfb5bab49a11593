package kz.appeals.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many committed events wait for the relay, and since when: measured every few seconds (never on a scrape or
 * probe thread, which must not wait for the database), exported as metrics and shown in readiness. A backlog does
 * not make the service unready: accepting work while the broker is away is what the outbox is for; the alert
 * rules watch its age instead. The check is DOWN only when the outbox cannot be read at all.
 */
@Readiness
@ApplicationScoped
public class OutboxBacklog implements HealthCheck {

    /** What the last measurement found; {@code failure} is set when the outbox could not be read. */
    record Measurement(long events, Instant oldest, Instant measuredAt, String failure) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Measurement> last = new AtomicReference<>();

    public OutboxBacklog(AgroalDataSource dataSource, MeterRegistry registry, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        Gauge.builder("appeals.outbox.backlog", last, m -> m.get() == null ? 0 : m.get().events())
                .description("Committed events not yet published to Kafka").register(registry);
        Gauge.builder("appeals.outbox.backlog.age", last, m -> ageSeconds(m.get(), clock.instant()))
                .description("Age of the oldest unpublished event").baseUnit("seconds").register(registry);
    }

    @Scheduled(every = "${appeals.outbox.backlog-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            OutboxTable.Backlog backlog = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return OutboxTable.backlog(connection);
                }
            });
            last.set(new Measurement(backlog.events(), backlog.oldest(), clock.instant(), null));
        } catch (RuntimeException e) {
            last.set(new Measurement(0, null, clock.instant(), e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Events for {@code topic} committed and not yet acknowledged by the broker, counted now. */
    public long waitingFor(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return OutboxTable.unpublishedFor(connection, topic);
            }
        });
    }

    @Override
    public HealthCheckResponse call() {
        Measurement measurement = last.get();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        if (measurement == null) {
            return response.up().withData("backlog", "not measured yet").build();
        }
        response.withData("backlog", measurement.events())
                .withData("oldestAgeSeconds", (long) ageSeconds(measurement, clock.instant()))
                .withData("measuredAt", measurement.measuredAt().toString());
        return measurement.failure() == null ? response.up().build()
                : response.down().withData("error", measurement.failure()).build();
    }

    private static double ageSeconds(Measurement measurement, Instant now) {
        return measurement == null || measurement.oldest() == null ? 0
                : Duration.between(measurement.oldest(), now).toMillis() / 1000.0;
    }
}
