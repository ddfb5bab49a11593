package kz.appeals.routing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import kz.appeals.contracts.AppealEvents;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.routing.domain.RoutedAppeal;
import kz.appeals.routing.domain.RoutingDecision;
import kz.appeals.routing.domain.RoutingPolicy;
import kz.appeals.platform.outbox.Outbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Applies the routing rules to new appeals and to redirects, and publishes each decision. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AppealRouting {

    private final RoutedAppealRepository routedAppeals;
    private final RoutingPolicy policy;
    private final Outbox outbox;
    private final Clock clock;

    public AppealRouting(RoutedAppealRepository routedAppeals, TerritoryRepository territory, Outbox outbox,
                         Clock clock) {
        this.routedAppeals = routedAppeals;
        this.policy = new RoutingPolicy(territory);
        this.outbox = outbox;
        this.clock = clock;
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
        RoutingDecision decision = policy.decide(location, submitted.registrationDay(), Set.of());
        record(appeal, decision);
        routedAppeals.persist(appeal);
        publish(appeal, decision, Optional.empty(), null);
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
        RoutingDecision decision = policy.decide(locationOf(appeal), appeal.registrationDay, excluded);
        record(appeal, decision);
        publish(appeal, decision, Optional.of(previousBody), request.reason());
    }

    private void record(RoutedAppeal appeal, RoutingDecision decision) {
        appeal.decidedAt = clock.instant();
        if (decision instanceof RoutingDecision.Routed routed) {
            appeal.status = RoutedAppeal.Status.ROUTED;
            appeal.assignTo(routed.body());
            appeal.method = routed.method();
            appeal.reason = routed.reason();
        } else if (decision instanceof RoutingDecision.NeedsTriage triage) {
            appeal.status = RoutedAppeal.Status.NEEDS_TRIAGE;
            appeal.assignTo(null);
            appeal.method = null;
            appeal.reason = triage.reason();
        }
    }

    private void publish(RoutedAppeal appeal, RoutingDecision decision, Optional<Body> redirectedFrom,
                         String redirectReason) {
        if (decision instanceof RoutingDecision.NeedsTriage triage) {
            outbox.record(new AppealEvents.NeedsTriage(appeal.appealId, appeal.receiptNumber,
                    redirectedFrom.map(from -> from.code() + " said it is not competent: " + redirectReason + ". ")
                            .orElse("") + triage.reason(),
                    appeal.decidedAt));
            return;
        }
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        if (redirectedFrom.isPresent()) {
            outbox.record(new AppealEvents.Redirected(appeal.appealId, appeal.receiptNumber, redirectedFrom.get(),
                    routed.body(), routed.ruralDistrictKato(), routed.districtKato(), routed.regionKato(),
                    routed.method(), redirectReason + " — " + routed.reason(), appeal.appealType,
                    appeal.categoryCode, appeal.description, appeal.language, appeal.registrationDay,
                    appeal.decidedAt));
            return;
        }
        outbox.record(new AppealEvents.Routed(appeal.appealId, appeal.receiptNumber, routed.body(),
                routed.ruralDistrictKato(), routed.districtKato(), routed.regionKato(), routed.method(),
                routed.reason(), appeal.appealType, appeal.categoryCode, appeal.description, appeal.language,
                appeal.registrationDay, appeal.decidedAt));
    }

    private static Location locationOf(RoutedAppeal appeal) {
        return new Location(appeal.katoCode, appeal.latitude, appeal.longitude, appeal.addressText);
    }
}
