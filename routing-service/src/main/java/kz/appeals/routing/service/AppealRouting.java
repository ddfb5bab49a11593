package kz.appeals.routing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.contracts.ContractJson;
import kz.appeals.platform.audit.AuditTrail;
import kz.appeals.platform.outbox.Outbox;
import kz.appeals.platform.problem.ProblemException;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.RoutingDecision;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Applies the routing rules to new appeals, redirects and operators' assignments, and publishes each decision. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppealRouting {

    private static final int MAX_REASON = 2000;

    private final RoutedAppealRepository routedAppeals;
    private final TerritoryCache rules;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<RoutingMetrics.FirstDecision> firstDecisions;
    private final AuditTrail audit;

    public AppealRouting(RoutedAppealRepository routedAppeals, TerritoryCache rules, Outbox outbox, Clock clock,
                         Event<RoutingMetrics.FirstDecision> firstDecisions, AuditTrail audit) {
        this.routedAppeals = routedAppeals;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
        this.firstDecisions = firstDecisions;
        this.audit = audit;
    }

    public void route(AppealEvents.Submitted submitted) {
        if (routedAppeals.findByIdOptional(submitted.appealId()).isPresent()) {
            return;
        }
        RoutedAppeal appeal = new RoutedAppeal();
        appeal.appealId = submitted.appealId();
        appeal.receiptNumber = submitted.receiptNumber();
        appeal.appealType = submitted.appealType();
        appeal.categoryCode = submitted.categoryCode();
        appeal.description = submitted.description();
        appeal.language = submitted.language();
        appeal.registrationDay = submitted.registrationDay();
        Location location = submitted.location();
        if (location != null) {
            appeal.katoCode = location.katoCode();
            appeal.latitude = location.latitude();
            appeal.longitude = location.longitude();
            appeal.addressText = location.addressText();
        }
        RoutingDecision decision = rules.policy().decide(location, appeal.categoryCode, appeal.registrationDay, Set.of());
        record(appeal, decision);
        routedAppeals.persist(appeal);
        publish(appeal, decision, Optional.empty(), null);
        firstDecisions.fire(new RoutingMetrics.FirstDecision(decision,
                Duration.between(submitted.occurredAt(), appeal.decidedAt)));
    }

    /** The body said "not ours": decide again without it (APPK Art. 76, redirect within 3 working days). */
    public void redirect(AppealEvents.RedirectRequested request) {
        RoutedAppeal appeal = routedAppeals.findByIdOptional(request.appealId()).orElse(null);
        if (appeal == null || !request.bodyCode().equals(appeal.bodyCode)) {
            return; // not the body currently responsible: a stale or repeated request changes nothing
        }
        Set<String> excluded = new LinkedHashSet<>(Arrays.asList(appeal.excludedBodies.split(" ")));
        excluded.remove("");
        excluded.add(request.bodyCode());
        appeal.excludedBodies = String.join(" ", excluded);
        Body previousBody = appeal.body().orElseThrow();
        RoutingDecision decision = rules.policy().decide(locationOf(appeal), appeal.categoryCode,
                appeal.registrationDay, excluded);
        record(appeal, decision);
        publish(appeal, decision, Optional.of(previousBody), request.reason());
    }

    /** An operator places an appeal from the triage queue; the competence rules choose the body (method MANUAL). */
    @Transactional
    public RoutedAppeal assign(UUID appealId, String katoCode, String note) {
        RoutedAppeal appeal = routedAppeals.findByIdOptional(appealId)
                .orElseThrow(() -> ProblemException.notFound("No routed appeal " + appealId));
        if (appeal.status != RoutedAppeal.Status.NEEDS_TRIAGE) {
            throw ProblemException.conflict("not-in-triage", "The appeal is not waiting for triage",
                    "Appeal " + appealId + " is " + appeal.status);
        }
        RoutingDecision decision = rules.policy().decideAt(katoCode, appeal.categoryCode, appeal.registrationDay, note);
        if (!(decision instanceof RoutingDecision.Routed)) {
            throw ProblemException.invalidField("katoCode", "not-routable", decision.reason());
        }
        record(appeal, decision);
        publish(appeal, decision, Optional.empty(), null);
        audit.record("triage-assigned", "appeal:" + appealId,
                "katoCode=" + katoCode + ", body=" + appeal.bodyCode + ", note=" + note);
        return appeal;
    }

    /** The body answered: the appeal no longer gathers new related appeals. */
    public void answered(UUID appealId) {
        routedAppeals.findByIdOptional(appealId).ifPresent(a -> a.open = false);
    }

    public void reopened(UUID appealId) {
        routedAppeals.findByIdOptional(appealId).ifPresent(a -> a.open = true);
    }

    public static List<RoutingStep> steps(RoutedAppeal appeal) {
        try {
            return ContractJson.mapper().readValue(appeal.stepsJson, new TypeReference<List<RoutingStep>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored steps of " + appeal.appealId + " are not JSON", e);
        }
    }

    private void record(RoutedAppeal appeal, RoutingDecision decision) {
        appeal.decidedAt = clock.instant();
        appeal.reason = shorten(decision.reason());
        try {
            appeal.stepsJson = ContractJson.mapper().writeValueAsString(decision.steps());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Steps cannot be serialised", e);
        }
        if (decision instanceof RoutingDecision.Routed routed) {
            appeal.status = RoutedAppeal.Status.ROUTED;
            appeal.assignTo(routed.body());
            appeal.method = routed.method();
            if (routed.place() != null && routed.place().settlementKato() != null) {
                appeal.settlementKato = routed.place().settlementKato();
            }
            if (appeal.issueId == null) {
                appeal.issueId = relatedIssue(appeal).orElseGet(UUID::randomUUID);
            }
        } else {
            appeal.status = decision instanceof RoutingDecision.NeedsTriage ? RoutedAppeal.Status.NEEDS_TRIAGE
                    : RoutedAppeal.Status.OUTSIDE_COMPETENCE;
            appeal.assignTo(null);
            appeal.method = null;
        }
    }

    private Optional<UUID> relatedIssue(RoutedAppeal appeal) {
        if (appeal.latitude != null && appeal.longitude != null) {
            return routedAppeals.issueNear(appeal.appealId, appeal.categoryCode, appeal.latitude, appeal.longitude);
        }
        if (appeal.settlementKato != null) {
            return routedAppeals.issueInSettlement(appeal.appealId, appeal.categoryCode, appeal.settlementKato);
        }
        return Optional.empty();
    }

    private void publish(RoutedAppeal appeal, RoutingDecision decision, Optional<Body> redirectedFrom,
                         String redirectReason) {
        List<RoutingStep> steps = decision.steps();
        if (decision instanceof RoutingDecision.NeedsTriage triage) {
            outbox.record(new AppealEvents.NeedsTriage(appeal.appealId, appeal.receiptNumber, shorten(
                    redirectedFrom.map(from -> from.code() + " said it is not competent: " + redirectReason + ". ")
                            .orElse("") + triage.reason()), appeal.decidedAt, steps));
            return;
        }
        if (decision instanceof RoutingDecision.OutsideCompetence outside) {
            outbox.record(new AppealEvents.OutsideCompetence(appeal.appealId, appeal.receiptNumber,
                    appeal.categoryCode, shorten(outside.reason()), appeal.language, appeal.decidedAt, steps));
            return;
        }
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        if (redirectedFrom.isPresent()) {
            outbox.record(new AppealEvents.Redirected(appeal.appealId, appeal.receiptNumber, redirectedFrom.get(),
                    routed.body(), routed.ruralDistrictKato(), routed.districtKato(), routed.regionKato(),
                    routed.method(), shorten(redirectReason + " — " + routed.reason()), appeal.appealType,
                    appeal.categoryCode, appeal.description, appeal.language, appeal.registrationDay,
                    appeal.decidedAt, steps, appeal.issueId, routed.higherBodies()));
            return;
        }
        outbox.record(new AppealEvents.Routed(appeal.appealId, appeal.receiptNumber, routed.body(),
                routed.ruralDistrictKato(), routed.districtKato(), routed.regionKato(), routed.method(),
                shorten(routed.reason()), appeal.appealType, appeal.categoryCode, appeal.description, appeal.language,
                appeal.registrationDay, appeal.decidedAt, steps, appeal.issueId, routed.higherBodies()));
    }

    private static String shorten(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static Location locationOf(RoutedAppeal appeal) {
        return new Location(appeal.katoCode, appeal.latitude, appeal.longitude, appeal.addressText);
    }
}
