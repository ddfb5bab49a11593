package kz.appeals.escalation.domain;

import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import kz.appeals.contracts.BodyCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.appeals.escalation.domain.DeadlineTest.RULES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationLadderTest {

    private static final Instant NOW = Instant.parse("2025-11-21T05:00:00Z");
    private final EscalationLadder ladder = RULES.ladder();

    private static final Body DISTRICT = new Body("district:akimat:991000000", BodyLevel.DISTRICT_AKIMAT,
            "991000000", "Аудан әкімдігі (Үлгі ауданы)", "Акимат района (Улгинский район)");
    private static final Body REGION = new Body("region:akimat:990000000", BodyLevel.REGION_AKIMAT, "990000000",
            "Облыс әкімдігі (Үлгі облысы)", "Акимат области (Улгинская область)");

    private static Deadline routedTo(BodyLevel level, String kato, String districtKato, String regionKato) {
        return routedTo(level, kato, districtKato, regionKato, List.of());
    }

    private static Deadline routedTo(BodyLevel level, String kato, String districtKato, String regionKato,
                                     List<Body> higherBodies) {
        String code = switch (level) {
            case RURAL_DISTRICT -> BodyCode.ruralAkim(kato);
            case DISTRICT_AKIMAT, REGION_AKIMAT -> BodyCode.akimat(level, kato);
            case NATIONAL_AGENCY -> BodyCode.agency("police");
            case PRESIDENTIAL_ADMINISTRATION -> BodyCode.PRESIDENTIAL_ADMINISTRATION;
            case UTILITY -> BodyCode.territorial(level, "power-grid", kato);
        };
        Deadline deadline = Deadline.start(UUID.randomUUID(), NOW);
        deadline.assignedTo(AnsweringBody.of(new Body(code, level, kato, "Атауы", "Название")),
                districtKato, regionKato, higherBodies, LocalDate.parse("2025-11-21"), NOW, RULES, NOW);
        return deadline;
    }

    @Test
    void theHigherBodyIsTheAkimatRoutingNamedWithItsCodeAndName() {
        Deadline rural = routedTo(BodyLevel.RURAL_DISTRICT, "991021000", "991000000", "990000000",
                List.of(DISTRICT, REGION));
        assertEquals(DISTRICT, ladder.nextRung(rural).orElseThrow().body());
        Deadline district = routedTo(BodyLevel.DISTRICT_AKIMAT, "991000000", "991000000", "990000000",
                List.of(DISTRICT, REGION));
        assertEquals(REGION, ladder.nextRung(district).orElseThrow().body());
    }

    @Test
    void withoutRoutingsNamesARuralAkimEscalatesToTheAkimatOfTheDistrictByItsCode() {
        EscalationLadder.Rung rung = ladder.nextRung(routedTo(BodyLevel.RURAL_DISTRICT, "991021000", "991000000",
                "990000000")).orElseThrow();
        Body higher = rung.body();
        assertEquals("district:akimat:991000000", higher.code());
        assertEquals(BodyLevel.DISTRICT_AKIMAT, higher.level());
        assertEquals("991000000", higher.katoCode());
        assertTrue(higher.nameRu().contains("991000000") && higher.nameKk().contains("991000000"));
        assertEquals(15, rung.termWorkingDays());
    }

    @Test
    void withoutADistrictInTheRoutingTheRuralDistrictsCodeNamesIt() {
        Body higher = ladder.nextRung(routedTo(BodyLevel.RURAL_DISTRICT, "194230000", null, null)).orElseThrow().body();
        assertEquals("district:akimat:194200000", higher.code());
    }

    @Test
    void aDistrictAkimatEscalatesToItsRegionWithTheRegionsTerm() {
        EscalationLadder.Rung rung = ladder.nextRung(routedTo(BodyLevel.DISTRICT_AKIMAT, "991000000", "991000000",
                "990000000")).orElseThrow();
        assertEquals("region:akimat:990000000", rung.body().code());
        assertEquals(10, rung.termWorkingDays());
        assertEquals("region:akimat:190000000", ladder.nextRung(routedTo(BodyLevel.DISTRICT_AKIMAT, "194200000",
                "194200000", null)).orElseThrow().body().code(), "region part of the code without routing's");
    }

    @Test
    void aRegionAndANationalAgencyEscalateToThePresidentialAdministrationWhereTheLadderEnds() {
        Body top = ladder.nextRung(routedTo(BodyLevel.REGION_AKIMAT, "990000000", null, "990000000")).orElseThrow()
                .body();
        assertEquals(BodyLevel.PRESIDENTIAL_ADMINISTRATION, top.level());
        assertNull(top.katoCode());
        assertEquals(BodyLevel.PRESIDENTIAL_ADMINISTRATION, ladder.nextRung(routedTo(BodyLevel.NATIONAL_AGENCY,
                null, null, null)).orElseThrow().body().level());
        assertTrue(ladder.nextRung(routedTo(BodyLevel.PRESIDENTIAL_ADMINISTRATION, null, null, null)).isEmpty());
    }

    @Test
    void everyLevelNeedsATermOfAtLeastOneWorkingDay() {
        assertThrows(IllegalArgumentException.class, () -> new EscalationLadder(Map.of(
                BodyLevel.DISTRICT_AKIMAT, 15, BodyLevel.REGION_AKIMAT, 0, BodyLevel.PRESIDENTIAL_ADMINISTRATION, 15)));
    }
}
