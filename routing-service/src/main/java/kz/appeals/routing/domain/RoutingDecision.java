package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.RoutingMethod;

/** What the rules decided, and why — the reason travels in the event so that every decision can be explained. */
public sealed interface RoutingDecision {

    record Routed(Body body, String ruralDistrictKato, String districtKato, String regionKato, RoutingMethod method,
                  String reason) implements RoutingDecision {
    }

    record NeedsTriage(String reason) implements RoutingDecision {
    }
}
