package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.contracts.AppealEvents.RoutingMethod;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoutingPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final Map<String, TerritorialUnit> units = Map.of(
            "991021000", unit("991021000", null),
            "991023000", unit("991023000", LocalDate.of(2026, 1, 1)));
    private final RoutingPolicy policy = new RoutingPolicy(code -> Optional.ofNullable(units.get(code)));

    @Test
    void aSettlementCodeGoesToItsRuralDistrictAkim() {
        RoutingDecision.Routed routed = assertInstanceOf(RoutingDecision.Routed.class,
                policy.decide(new Location("991021002", null, null, null), TODAY, Set.of()));
        assertEquals("rural-akim:991021000", routed.body().code());
        assertEquals(RoutingMethod.KATO, routed.method());
        assertEquals("991000000", routed.districtKato());
        assertEquals("990000000", routed.regionKato());
        assertTrue(routed.reason().contains("991021002"));
    }

    @Test
    void aRetiredRuralDistrictAnUnknownCodeOrNoCodeNeedTriage() {
        assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location("991023001", null, null, null), TODAY, Set.of()));
        assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location("991099001", null, null, null), TODAY, Set.of()));
        assertInstanceOf(RoutingDecision.NeedsTriage.class,
                policy.decide(new Location(null, 50.1, 70.2, null), TODAY, Set.of()));
    }

    @Test
    void aBodyThatSaidNotOursIsNeverChosenAgain() {
        RoutingDecision decision = policy.decide(new Location("991021002", null, null, null), TODAY,
                Set.of("rural-akim:991021000"));
        RoutingDecision.NeedsTriage triage = assertInstanceOf(RoutingDecision.NeedsTriage.class, decision);
        assertTrue(triage.reason().contains("rural-akim:991021000"));
    }

    @Test
    void katoCodesKnowTheirLevelAndParents() {
        assertEquals(TerritorialLevel.REGION, new KatoCode("990000000").level());
        assertEquals(TerritorialLevel.DISTRICT, new KatoCode("991000000").level());
        assertEquals(TerritorialLevel.RURAL_DISTRICT, new KatoCode("991021000").level());
        assertEquals(TerritorialLevel.SETTLEMENT, new KatoCode("991021003").level());
        assertEquals("991021000", new KatoCode("991021003").ruralDistrict());
    }

    private static TerritorialUnit unit(String kato, LocalDate validTo) {
        TerritorialUnit unit = new TerritorialUnit();
        unit.katoCode = kato;
        unit.level = new KatoCode(kato).level();
        unit.nameKk = "Үлгі " + kato;
        unit.nameRu = "Образец " + kato;
        unit.validFrom = LocalDate.of(2025, 1, 1);
        unit.validTo = validTo;
        return unit;
    }
}
