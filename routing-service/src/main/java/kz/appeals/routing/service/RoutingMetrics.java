package kz.appeals.routing.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import kz.appeals.routing.domain.RoutingDecision;

import java.time.Duration;

/**
 * Routing lag: from the appeal's registration at intake to routing's first decision, by outcome. Counted once the
 * decision has committed, so a retried transaction is not counted twice.
 */
@ApplicationScoped
public class RoutingMetrics {

    /** Fired in the transaction that records an appeal's first decision. */
    public record FirstDecision(RoutingDecision decision, Duration sinceRegistration) {
    }

    private final MeterRegistry registry;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FirstDecision decided) {
        Timer.builder("appeals.routing.lag")
                .description("From registration at intake to routing's first decision")
                .tag("outcome", outcome(decided.decision()))
                .publishPercentileHistogram()
                .register(registry)
                .record(decided.sinceRegistration().isNegative() ? Duration.ZERO : decided.sinceRegistration());
    }

    private static String outcome(RoutingDecision decision) {
        if (decision instanceof RoutingDecision.Routed) {
            return "routed";
        }
        return decision instanceof RoutingDecision.NeedsTriage ? "needs-triage" : "outside-competence";
    }
}
