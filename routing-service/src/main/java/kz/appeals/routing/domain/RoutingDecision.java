package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.RoutingStep;

import java.util.List;

/**
 * What the rules decided, and why — every rule tried is a step with its outcome, and the steps travel in the
 * event so that every decision can be explained.
 */
public sealed interface RoutingDecision {

    List<RoutingStep> steps();

    String reason();

    /**
     * A body must answer; {@code place} is null when the body needs no place (a national agency).
     * {@code higherBodies}: the akimats of the place's district and region, nearest first.
     */
    record Routed(Body body, Placement place, RoutingMethod method, String reason, List<RoutingStep> steps,
                  List<Body> higherBodies) implements RoutingDecision {

        public String ruralDistrictKato() {
            return place == null ? null : place.ruralDistrictKato();
        }

        public String districtKato() {
            return place == null ? null : place.districtKato();
        }

        public String regionKato() {
            return place == null ? null : place.regionKato();
        }
    }

    /** No public body handles the subject; the applicant is told so. */
    record OutsideCompetence(String reason, List<RoutingStep> steps) implements RoutingDecision {
    }

    /** No rule could choose a body: an operator must. */
    record NeedsTriage(String reason, List<RoutingStep> steps) implements RoutingDecision {
    }
}
