package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.contracts.AppealEvents.StepOutcome;
import kz.appeals.contracts.BodyCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chooses the body that must answer. First the place: the KATO code, else the coordinates, else the address text
 * — the first rule that places the problem decides, and every rule tried is recorded with why. Then the
 * competence rules name the body for the category at that place, climbing to the district and the region when a
 * body has said "not ours". An appeal nothing can place, or no body is left for, goes to an operator (triage).
 */
public class RoutingPolicy {

    private final TerritoryIndex territory;
    private final CompetenceRules competence;

    public RoutingPolicy(TerritoryIndex territory, CompetenceRules competence) {
        this.territory = territory;
        this.competence = competence;
    }

    public RoutingDecision decide(Location location, String category, LocalDate onDay, Set<String> excludedBodies) {
        List<RoutingStep> steps = new ArrayList<>(4);
        Location where = location == null ? new Location(null, null, null, null) : location;
        Optional<Placement> place = byKatoCode(where, onDay, steps);
        if (place.isEmpty()) {
            place = byCoordinates(where, onDay, steps);
        }
        if (place.isEmpty()) {
            place = byAddress(where, onDay, steps);
        }
        return place.map(p -> byCompetence(p, category, excludedBodies, steps))
                .orElseGet(() -> withoutPlace(category, excludedBodies, steps));
    }

    /** An operator placed the appeal in this unit (triage): the competence rules still choose the body. */
    public RoutingDecision decideAt(String katoCode, String category, LocalDate onDay, String operatorNote) {
        List<RoutingStep> steps = new ArrayList<>(2);
        Optional<Placement> place = placeByCode(katoCode, onDay, RoutingMethod.MANUAL,
                "an operator placed the appeal in " + katoCode + ": " + operatorNote);
        if (place.isEmpty()) {
            steps.add(step(RoutingMethod.MANUAL, StepOutcome.NO_MATCH, "KATO code " + katoCode + " is not in force"));
            return new RoutingDecision.NeedsTriage("KATO code " + katoCode + " is not in force", steps);
        }
        steps.add(step(RoutingMethod.MANUAL, StepOutcome.DECIDED, place.get().detail()));
        return byCompetence(place.get(), category, Set.of(), steps);
    }

    private Optional<Placement> byKatoCode(Location location, LocalDate day, List<RoutingStep> steps) {
        String kato = location.katoCode();
        if (kato == null || kato.isBlank()) {
            steps.add(step(RoutingMethod.KATO, StepOutcome.NOT_GIVEN, "no KATO code given"));
            return Optional.empty();
        }
        if (!KatoCode.isWellFormed(kato)) {
            steps.add(step(RoutingMethod.KATO, StepOutcome.NO_MATCH, "«" + kato + "» is not a 9-digit KATO code"));
            return Optional.empty();
        }
        Optional<Placement> place = placeByCode(kato, day, RoutingMethod.KATO, "KATO code " + kato);
        if (place.isEmpty()) {
            // an old code of a place a release recoded (a merge moves villages under another rural district)
            place = territory.recoded(kato, day).flatMap(recoded -> placeByCode(recoded.successor().katoCode, day,
                    RoutingMethod.KATO, "KATO code " + kato + " (" + recoded.retired().nameRu + "), retired on "
                            + recoded.retired().validTo + ", is now " + recoded.successor().katoCode + ", which"));
        }
        if (place.isEmpty()) {
            steps.add(step(RoutingMethod.KATO, StepOutcome.NO_MATCH, territory.find(kato, day).isPresent()
                    ? "KATO code " + kato + " lies under a unit not in force on " + day
                    : territory.whyNotInForce(kato, day)));
        } else {
            steps.add(step(RoutingMethod.KATO, StepOutcome.DECIDED, place.get().detail()));
        }
        return place;
    }

    private Optional<Placement> byCoordinates(Location location, LocalDate day, List<RoutingStep> steps) {
        if (location.latitude() == null || location.longitude() == null) {
            steps.add(step(RoutingMethod.COORDINATES, StepOutcome.NOT_GIVEN, "no coordinates given"));
            return Optional.empty();
        }
        double lat = location.latitude();
        double lon = location.longitude();
        String point = "(" + lat + ", " + lon + ")";
        if (!Kazakhstan.mayContain(lat, lon)) {
            steps.add(step(RoutingMethod.COORDINATES, StepOutcome.NO_MATCH, "coordinates " + point
                    + " lie outside Kazakhstan"));
            return Optional.empty();
        }
        // the rural-level unit's boundary, else that of the city administration or district the point lies straight in
        Optional<Placement> place = territory.ruralDistrictAt(lat, lon, day)
                .or(() -> territory.unitAt(lat, lon, day, TerritorialLevel.DISTRICT))
                .flatMap(code -> placeByCode(code, day, RoutingMethod.COORDINATES,
                        "coordinates " + point + " lie within the boundary of"));
        steps.add(place.map(p -> step(RoutingMethod.COORDINATES, StepOutcome.DECIDED, p.detail()))
                .orElseGet(() -> step(RoutingMethod.COORDINATES, StepOutcome.NO_MATCH, "coordinates " + point
                        + " lie in no rural district, district or city boundary in force on " + day)));
        return place;
    }

    private Optional<Placement> byAddress(Location location, LocalDate day, List<RoutingStep> steps) {
        String address = location.addressText();
        if (address == null || address.isBlank()) {
            steps.add(step(RoutingMethod.ADDRESS, StepOutcome.NOT_GIVEN, "no address text given"));
            return Optional.empty();
        }
        AddressMatcher.Match match = territory.matchAddress(address, day);
        if (match instanceof AddressMatcher.Found found) {
            Optional<Placement> place = placeByCode(found.unit().katoCode, day, RoutingMethod.ADDRESS, found.detail());
            if (place.isPresent()) {
                steps.add(step(RoutingMethod.ADDRESS, StepOutcome.DECIDED, found.detail()));
                return place;
            }
            steps.add(step(RoutingMethod.ADDRESS, StepOutcome.NO_MATCH, found.detail()
                    + ", whose parent units are not in force"));
            return Optional.empty();
        }
        steps.add(step(RoutingMethod.ADDRESS, StepOutcome.NO_MATCH, ((AddressMatcher.NotFound) match).detail()));
        return Optional.empty();
    }

    /** The unit of this code in force on the day, with the units above it. */
    private Optional<Placement> placeByCode(String kato, LocalDate day, RoutingMethod method, String how) {
        return territory.find(kato, day).flatMap(unit -> territory.lineage(unit, day))
                .map(lineage -> Placement.of(lineage, method, how + where(lineage, method)));
    }

    /** The unit the code or boundary named (the address said it already), or the body's unit a locality lies in. */
    private static String where(List<TerritorialUnit> lineage, RoutingMethod method) {
        TerritorialUnit place = lineage.get(0);
        if (place.level != TerritorialLevel.SETTLEMENT) {
            return switch (method) {
                case ADDRESS -> "";
                case COORDINATES -> " " + place.describe();
                default -> " names " + place.describe();
            };
        }
        return lineage.stream().filter(unit -> unit.level != TerritorialLevel.SETTLEMENT).findFirst()
                .map(body -> " lies in " + body.describe()).orElse(" lies in no unit of the classifier");
    }

    private RoutingDecision byCompetence(Placement place, String category, Set<String> excluded,
                                         List<RoutingStep> steps) {
        List<String> refused = new ArrayList<>();
        for (TerritorialLevel level : place.levelsUpwards()) {
            Optional<CompetenceRule> rule = competence.find(category, level);
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.get().responsibility == Responsibility.NO_PUBLIC_BODY) {
                return outsideCompetence(rule.get(), steps);
            }
            Optional<Body> body = rule.get().responsibility.body(rule.get(), place);
            if (body.isEmpty()) {
                continue;
            }
            if (excluded.contains(body.get().code())) {
                refused.add(body.get().code());
                continue;
            }
            String detail = "category " + category + " at " + level.name().toLowerCase().replace('_', ' ')
                    + " level: " + rule.get().describe() + " → " + body.get().code()
                    + (refused.isEmpty() ? "" : " (" + String.join(", ", refused) + " said it is not competent)");
            steps.add(step(RoutingMethod.CATEGORY, StepOutcome.DECIDED, detail));
            return new RoutingDecision.Routed(body.get(), place, place.method(), place.detail() + "; " + detail,
                    List.copyOf(steps), higherBodies(place));
        }
        String reason = refused.isEmpty() && excluded.isEmpty()
                ? "no competence rule names a body for category " + category + " at " + place.detail()
                : "Redirected by " + String.join(", ", excluded) + " and no rule names another body for category "
                + category + " at " + place.detail();
        steps.add(step(RoutingMethod.CATEGORY, StepOutcome.NO_MATCH, reason));
        return new RoutingDecision.NeedsTriage(reason, List.copyOf(steps));
    }

    /**
     * The akimats of the place's district and region, nearest first, as the default competence rules name them (the
     * same code and name an appeal routed there gets): where the escalation service sends a lapsed appeal.
     */
    private List<Body> higherBodies(Placement place) {
        return Stream.of(TerritorialLevel.DISTRICT, TerritorialLevel.REGION)
                .flatMap(level -> competence.find(CompetenceRule.ANY_CATEGORY, level).stream())
                .filter(rule -> BodyCode.AKIMAT.equals(rule.departmentCode))
                .flatMap(rule -> rule.responsibility.body(rule, place).stream())
                .filter(body -> body.level() == BodyLevel.DISTRICT_AKIMAT || body.level() == BodyLevel.REGION_AKIMAT)
                .toList();
    }

    private RoutingDecision withoutPlace(String category, Set<String> excluded, List<RoutingStep> steps) {
        Optional<CompetenceRule> rule = competence.placeIndependent(category);
        if (rule.isPresent()) {
            if (rule.get().responsibility == Responsibility.NO_PUBLIC_BODY) {
                return outsideCompetence(rule.get(), steps);
            }
            Body body = rule.get().responsibility.body(rule.get(), null).orElseThrow();
            if (!excluded.contains(body.code())) {
                String detail = "category " + category + ": " + rule.get().describe() + " → " + body.code()
                        + ", wherever the problem is";
                steps.add(step(RoutingMethod.CATEGORY, StepOutcome.DECIDED, detail));
                return new RoutingDecision.Routed(body, null, RoutingMethod.CATEGORY, detail, List.copyOf(steps),
                        List.of());
            }
        }
        String why = steps.stream().map(RoutingStep::detail).collect(Collectors.joining("; "));
        String reason = (excluded.isEmpty() ? "" : "Redirected by " + String.join(", ", excluded) + "; ")
                + "the location could not be placed: " + why;
        return new RoutingDecision.NeedsTriage(reason, List.copyOf(steps));
    }

    private static RoutingDecision outsideCompetence(CompetenceRule rule, List<RoutingStep> steps) {
        steps.add(step(RoutingMethod.CATEGORY, StepOutcome.DECIDED, rule.describe() + ": " + rule.note));
        return new RoutingDecision.OutsideCompetence(rule.note, List.copyOf(steps));
    }

    private static RoutingStep step(RoutingMethod method, StepOutcome outcome, String detail) {
        return new RoutingStep(method, outcome, detail.length() <= 1000 ? detail : detail.substring(0, 997) + "…");
    }
}
