package kz.appeals.intake.service;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.LocalDate;

/**
 * Whether intake has the reference data a submission needs to be answered correctly: the settlements routing
 * publishes on {@code appeals.territory}. {@code /q/health/group/reference-data} is DOWN until the first one arrived,
 * and {@code ./appeals up} waits for it after loading the demo territory. Readiness does not include it: without a
 * territory no replica could serve, and a front end learns more from the 422 naming the unknown code than from a 503.
 * (The working calendar needs no check: intake ships the law's rule and the bundled years.)
 */
@HealthGroup("reference-data")
@ApplicationScoped
public class ReferenceDataHealth implements HealthCheck {

    private final SettlementRepository settlements;

    public ReferenceDataHealth(SettlementRepository settlements) {
        this.settlements = settlements;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        long known = settlements.count("validTo is null or validTo > ?1", LocalDate.now());
        return HealthCheckResponse.named("territory-replica").status(known > 0)
                .withData("settlements", known).build();
    }
}
