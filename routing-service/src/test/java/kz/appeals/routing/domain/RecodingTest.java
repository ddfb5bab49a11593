package kz.appeals.routing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which retired codes a release recoded: one new unit of the same names, level and district from the same day. */
class RecodingTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final LocalDate SECOND = LocalDate.of(2026, 12, 1);
    private static final LocalDate AFTER = LocalDate.of(2026, 12, 7);

    @Test
    void aRetiredVillageFollowsTheOneNewVillageOfItsNamesInItsDistrict() {
        TerritoryIndex territory = new TerritoryIndex(List.of(
                unit("981000000", "Аудан", "Район", FIRST, null),
                unit("981021000", "Бірінші ауылдық округі", "Первый с.о.", FIRST, null),
                unit("981023000", "Екінші ауылдық округі", "Второй с.о.", FIRST, SECOND),
                unit("981023001", "Бірлесу ауылы", "с.Бирлесу", FIRST, SECOND),
                unit("981021003", "Бірлесу ауылы", "с.Бирлесу", SECOND, null)), List.of());
        TerritoryIndex.Recoded recoded = territory.recoded("981023001", AFTER).orElseThrow();
        assertEquals("981021003", recoded.successor().katoCode);
        assertEquals(SECOND, recoded.retired().validTo);
        assertTrue(territory.recoded("981023001", SECOND.minusDays(1)).isEmpty(), "in force that day: nothing to follow");
        assertTrue(territory.recoded("981023000", AFTER).isEmpty(), "the absorbed rural district has no successor");
    }

    @Test
    void noSuccessorWhenTheNamesAreAmbiguousOrTheNewUnitLiesInAnotherDistrict() {
        List<TerritorialUnit> units = new ArrayList<>(List.of(
                unit("981023001", "Бірлесу ауылы", "с.Бирлесу", FIRST, SECOND),
                unit("981021003", "Бірлесу ауылы", "с.Бирлесу", SECOND, null),
                unit("981021005", "Бірлесу ауылы", "с.Бирлесу", SECOND, null),
                unit("982023001", "Жаңа ауылы", "с.Жана", FIRST, SECOND),
                unit("983021001", "Жаңа ауылы", "с.Жана", SECOND, null)));
        TerritoryIndex territory = new TerritoryIndex(units, List.of());
        assertTrue(territory.recoded("981023001", AFTER).isEmpty(), "two new villages of that name");
        assertTrue(territory.recoded("982023001", AFTER).isEmpty(), "the new one is in another district");
    }

    private static TerritorialUnit unit(String kato, String nameKk, String nameRu, LocalDate from, LocalDate to) {
        TerritorialUnit unit = new TerritorialUnit();
        unit.katoCode = kato;
        unit.level = new KatoCode(kato).level();
        unit.kind = switch (unit.level) {
            case SETTLEMENT -> UnitKind.LOCALITY;
            case RURAL_DISTRICT -> UnitKind.RURAL_DISTRICT;
            case DISTRICT -> UnitKind.DISTRICT;
            case REGION -> UnitKind.REGION;
        };
        unit.nameKk = nameKk;
        unit.nameRu = nameRu;
        unit.validFrom = from;
        unit.validTo = to;
        return unit;
    }
}
