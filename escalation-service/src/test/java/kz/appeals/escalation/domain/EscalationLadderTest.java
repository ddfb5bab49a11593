package kz.appeals.escalation.domain;

import kz.appeals.appk.DeadlinePolicy;
import kz.appeals.appk.WorkingCalendar;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.BodyLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationLadderTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(WorkingCalendar.bundled());
    private static final Instant NOW = Instant.parse("2025-11-21T05:00:00Z");
    private final EscalationLadder ladder = new EscalationLadder();

    private static Deadline routedTo(BodyLevel level, String kato, String districtKato) {
        Deadline deadline = Deadline.start(UUID.randomUUID(), NOW);
        deadline.assignedTo(AnsweringBody.of(new Body("body:" + kato, level, kato, "Атауы", "Название")),
                districtKato, LocalDate.parse("2025-11-21"), POLICY, NOW);
        return deadline;
    }

    @Test
    void aRuralAkimEscalatesToTheAkimatOfTheDistrictRoutingNamed() {
        Body higher = ladder.nextRung(routedTo(BodyLevel.RURAL_DISTRICT, "991021000", "991000000")).orElseThrow();
        assertEquals("district-akimat:991000000", higher.code());
        assertEquals(BodyLevel.DISTRICT_AKIMAT, higher.level());
        assertEquals("991000000", higher.katoCode());
        assertTrue(higher.nameRu().contains("991000000") && higher.nameKk().contains("991000000"));
    }

    @Test
    void withoutADistrictInTheRoutingTheRuralDistrictsCodeNamesIt() {
        Body higher = ladder.nextRung(routedTo(BodyLevel.RURAL_DISTRICT, "194230000", null)).orElseThrow();
        assertEquals("district-akimat:194200000", higher.code());
    }

    @Test
    void otherLevelsHaveNoNextStepYet() {
        assertTrue(ladder.nextRung(routedTo(BodyLevel.DISTRICT_AKIMAT, "991000000", "991000000")).isEmpty());
    }
}
