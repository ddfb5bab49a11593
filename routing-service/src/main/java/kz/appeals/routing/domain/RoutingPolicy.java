package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses the body that must answer. Rules are tried in a fixed order and the first that applies decides; an
 * appeal no rule can place goes to an operator (triage) rather than being guessed.
 * Implemented: the KATO rule (settlement or rural district code → its rural district's akim).
 * Coordinates, address text and competence by category are added as further rules in this chain.
 */
public class RoutingPolicy {

    private final Territory territory;

    public RoutingPolicy(Territory territory) {
        this.territory = territory;
    }

    public RoutingDecision decide(Location location, LocalDate onDay, Set<String> excludedBodies) {
        return byKatoCode(location, onDay, excludedBodies)
                .orElseGet(() -> new RoutingDecision.NeedsTriage(triageReason(location, excludedBodies)));
    }

    private Optional<RoutingDecision> byKatoCode(Location location, LocalDate onDay, Set<String> excludedBodies) {
        if (location == null || !KatoCode.isWellFormed(location.katoCode())) {
            return Optional.empty();
        }
        KatoCode code = new KatoCode(location.katoCode());
        if (code.level() != TerritorialLevel.SETTLEMENT && code.level() != TerritorialLevel.RURAL_DISTRICT) {
            return Optional.empty();
        }
        return territory.find(code.ruralDistrict())
                .filter(unit -> unit.isInForceOn(onDay))
                .map(RoutingPolicy::ruralAkim)
                .filter(body -> !excludedBodies.contains(body.code()))
                .map(body -> new RoutingDecision.Routed(body, code.ruralDistrict(), code.district(), code.region(),
                        RoutingMethod.KATO, "KATO code " + code.value() + " lies in rural district "
                        + code.ruralDistrict() + ", whose akim answers appeals of this settlement"));
    }

    public static Body ruralAkim(TerritorialUnit ruralDistrict) {
        return new Body("rural-akim:" + ruralDistrict.katoCode, BodyLevel.RURAL_DISTRICT, ruralDistrict.katoCode,
                ruralDistrict.nameKk, ruralDistrict.nameRu);
    }

    private static String triageReason(Location location, Set<String> excludedBodies) {
        if (!excludedBodies.isEmpty()) {
            return "Redirected by " + String.join(", ", excludedBodies) + " and no rule names another body";
        }
        if (location == null || location.katoCode() == null) {
            return "No KATO code; placing by coordinates or address is not available yet";
        }
        return "KATO code " + location.katoCode() + " is not a settlement or rural district in force";
    }
}
