package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import kz.appeals.contracts.AppealEvents.RoutingStep;
import kz.appeals.contracts.AppealEvents.StepOutcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final RoutingPolicy policy = new RoutingPolicy(TestTerritory.index(), TestTerritory.defaultRules());

    @Test
    void aSettlementCodeGoesToItsRuralDistrictAkimAndSaysWhy() {
        RoutingDecision.Routed routed = routed(new Location("991021002", null, null, null), "roads");
        assertEquals("rural-akim:991021000", routed.body().code());
        assertEquals(RoutingMethod.KATO, routed.method());
        assertEquals("991000000", routed.districtKato());
        assertEquals("990000000", routed.regionKato());
        assertEquals("991021002", routed.place().settlementKato());
        assertTrue(routed.reason().contains("991021002"), routed.reason());
        assertEquals(List.of(RoutingMethod.KATO, RoutingMethod.CATEGORY), methods(routed.steps()));
        assertTrue(routed.steps().stream().allMatch(s -> s.outcome() == StepOutcome.DECIDED));
    }

    @Test
    void anUnknownCodeFallsBackToTheCoordinatesAndEveryStepIsRecorded() {
        RoutingDecision.Routed routed = routed(new Location("991099001", 48.5, 69.5, "Ақбұлақ"), "roads");
        assertEquals("rural-akim:992021000", routed.body().code(), "the point decides, not the later address");
        assertEquals(RoutingMethod.COORDINATES, routed.method());
        assertEquals(StepOutcome.NO_MATCH, routed.steps().get(0).outcome());
        assertTrue(routed.steps().get(0).detail().contains("unknown"), routed.steps().get(0).detail());
        assertEquals(List.of(RoutingMethod.KATO, RoutingMethod.COORDINATES, RoutingMethod.CATEGORY),
                methods(routed.steps()));
    }

    @Test
    void coordinatesOutsideKazakhstanAndNoAddressNeedTriageWithTheReason() {
        RoutingDecision.NeedsTriage triage = assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location(null, 55.75, 37.62, null), "roads", TODAY, Set.of()));
        assertTrue(triage.reason().contains("outside Kazakhstan"), triage.reason());
        assertEquals(List.of(StepOutcome.NOT_GIVEN, StepOutcome.NO_MATCH, StepOutcome.NOT_GIVEN),
                triage.steps().stream().map(RoutingStep::outcome).toList());
    }

    @Test
    void aPointInKazakhstanButInNoBoundaryFallsBackToTheAddress() {
        RoutingDecision.Routed routed = routed(new Location(null, 45.0, 75.0, "Kyzylzhar auyly"), "roads");
        assertEquals("rural-akim:992021000", routed.body().code());
        assertEquals(RoutingMethod.ADDRESS, routed.method());
        assertTrue(routed.steps().get(1).detail().contains("no rural district, district or city boundary"),
                routed.steps().get(1).detail());
    }

    @Test
    void anAddressInLatinOrRussianWithTyposFindsTheSettlement() {
        assertEquals("rural-akim:991021000",
                routed(new Location(null, null, null, "Zhanaturmys village, near the school"), "roads").body().code());
        assertEquals("rural-akim:991021000",
                routed(new Location(null, null, null, "в селе Жанатурмыс, ул. Абая 5"), "roads").body().code());
        assertEquals("rural-akim:991021000",
                routed(new Location(null, null, null, "Jañatūrmys auyly"), "roads").body().code());
        assertEquals("rural-akim:992021000",
                routed(new Location(null, null, null, "Кызылжаре, возле моста"), "roads").body().code());
        assertEquals("rural-akim:992021000",
                routed(new Location(null, null, null, "Qyzyljar"), "roads").body().code());
    }

    @Test
    void aNameSharedByTwoDistrictsIsAmbiguousUnlessTheDistrictIsNamed() {
        RoutingDecision.NeedsTriage triage = assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location(null, null, null, "село Акбулак"), "roads", TODAY, Set.of()));
        assertTrue(triage.reason().contains("ambiguous"), triage.reason());
        assertEquals("rural-akim:992023000",
                routed(new Location(null, null, null, "Жасыльский район, село Акбулак"), "roads").body().code());
        assertEquals("rural-akim:991021000",
                routed(new Location(null, null, null, "Altynsai audany, Aqbulaq"), "roads").body().code());
    }

    @Test
    void aRetiredUnitAnEmptyLocationOrNothingNeedTriageNeverAnException() {
        RoutingDecision.NeedsTriage retired = assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location("991023001", null, null, null), "roads", TODAY, Set.of()));
        assertTrue(retired.reason().contains("KATO code 991023001 (село Бирлик) was retired from the classifier on 2026-01-01"),
                retired.reason());
        RoutingDecision.NeedsTriage empty = assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location("", null, null, "  "), "roads", TODAY, Set.of()));
        assertTrue(empty.reason().contains("no address text"), empty.reason());
        assertInstanceOf(RoutingDecision.NeedsTriage.class, policy.decide(null, "roads", TODAY, Set.of()));
        assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location("12345", null, null, "!!!"), "roads", TODAY, Set.of()));
    }

    @Test
    void theRetiredUnitStillRoutesAppealsRegisteredWhileItWasInForce() {
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class, policy.decide(
                new Location("991023001", null, null, null), "roads", LocalDate.of(2025, 6, 1), Set.of()));
        assertEquals("rural-akim:991023000", routed.body().code());
    }

    @Test
    void competenceRulesNameTheBodyForTheCategory() {
        RoutingDecision.Routed health = routed(new Location("991021001", null, null, null), "health");
        assertEquals("region:health:990000000", health.body().code());
        assertEquals(BodyLevel.REGION_AKIMAT, health.body().level());
        RoutingDecision.Routed power = routed(new Location("991021001", null, null, null), "electricity");
        assertEquals(BodyLevel.UTILITY, power.body().level());
        RoutingDecision.Routed police = routed(new Location(null, null, null, "somewhere unknown"), "policing");
        assertEquals("agency:police", police.body().code());
        assertEquals(RoutingMethod.CATEGORY, police.method());
        assertNull(police.body().katoCode());
        RoutingDecision.Routed district = routed(new Location("991000000", null, null, null), "roads");
        assertEquals("district:akimat:991000000", district.body().code());
    }

    @Test
    void somethingNoPublicBodyHandlesIsAnsweredAsSuch() {
        RoutingDecision.OutsideCompetence outside = assertInstanceOf(RoutingDecision.OutsideCompetence.class,
                policy.decide(new Location("991021001", null, null, null), "private-dispute", TODAY, Set.of()));
        assertTrue(outside.reason().contains("private-dispute"), outside.reason());
        assertInstanceOf(RoutingDecision.OutsideCompetence.class,
                policy.decide(null, "private-dispute", TODAY, Set.of()));
    }

    @Test
    void aBodyThatSaidNotOursIsNeverChosenAgainAndTheNextLevelAnswers() {
        Location location = new Location("991021002", null, null, null);
        RoutingDecision.Routed district = assertInstanceOf(RoutingDecision.Routed.class,
                policy.decide(location, "roads", TODAY, Set.of("rural-akim:991021000")));
        assertEquals("district:akimat:991000000", district.body().code());
        RoutingDecision.Routed region = assertInstanceOf(RoutingDecision.Routed.class, policy.decide(location,
                "roads", TODAY, Set.of("rural-akim:991021000", "district:akimat:991000000")));
        assertEquals("region:akimat:990000000", region.body().code());
        RoutingDecision.NeedsTriage triage = assertInstanceOf(RoutingDecision.NeedsTriage.class, policy.decide(
                location, "roads", TODAY, Set.of("rural-akim:991021000", "district:akimat:991000000",
                        "region:akimat:990000000")));
        assertTrue(triage.reason().contains("rural-akim:991021000"), triage.reason());
    }

    /** Escalation sends a lapsed appeal to these bodies: they are the very ones routing routes to (issue 22). */
    @Test
    void theHigherBodiesAreTheAkimatsRoutingNamesWithTheirCodesAndNames() {
        Location location = new Location("991021002", null, null, null);
        RoutingDecision.Routed rural = routed(location, "roads");
        RoutingDecision.Routed district = assertInstanceOf(RoutingDecision.Routed.class,
                policy.decide(location, "roads", TODAY, Set.of("rural-akim:991021000")));
        RoutingDecision.Routed region = assertInstanceOf(RoutingDecision.Routed.class, policy.decide(location,
                "roads", TODAY, Set.of("rural-akim:991021000", "district:akimat:991000000")));
        assertEquals(List.of(district.body(), region.body()), rural.higherBodies());
        assertEquals(rural.higherBodies(), district.higherBodies());
        assertEquals(BodyLevel.DISTRICT_AKIMAT, district.body().level());
        assertTrue(district.body().nameRu().contains(rural.place().district().nameRu), district.body().nameRu());
    }

    @Test
    void anOperatorPlacesAnAppealAndTheRulesStillChooseTheBody() {
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class,
                policy.decideAt("992021001", "roads", TODAY, "called the applicant"));
        assertEquals(RoutingMethod.MANUAL, routed.method());
        assertEquals("rural-akim:992021000", routed.body().code());
        assertInstanceOf(RoutingDecision.NeedsTriage.class, policy.decideAt("999999999", "roads", TODAY, "x"));
    }

    @Test
    void katoCodesKnowTheirShapeAndTheCodesThatMayStandAboveThem() {
        assertEquals(TerritorialLevel.REGION, new KatoCode("990000000").level());
        assertEquals(TerritorialLevel.DISTRICT, new KatoCode("991000000").level());
        assertEquals(TerritorialLevel.RURAL_DISTRICT, new KatoCode("991021000").level());
        assertEquals(TerritorialLevel.SETTLEMENT, new KatoCode("991021003").level());
        assertEquals(List.of("991021000", "991000000", "990000000"), new KatoCode("991021003").ancestors());
        assertEquals(List.of("923435100", "923435000", "923400000", "920000000"),
                new KatoCode("923435101").ancestors());
        assertEquals(List.of("921045000", "921000000", "920000000"), new KatoCode("921045100").ancestors());
        assertEquals(List.of("920000000"), new KatoCode("921000000").ancestors());
        assertEquals(List.of(), new KatoCode("920000000").ancestors());
    }

    private RoutingDecision.Routed routed(Location location, String category) {
        return assertInstanceOf(RoutingDecision.Routed.class, policy.decide(location, category, TODAY, Set.of()));
    }

    private static List<RoutingMethod> methods(List<RoutingStep> steps) {
        return steps.stream().map(RoutingStep::method).toList();
    }
}
