package kz.appeals.routing.domain;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticTerritoryTest {

    @Test
    void theNationalSetHasTheCountrysSizeAndBoundariesThatLocateEveryRuralDistrict() {
        SyntheticTerritory.Data data = SyntheticTerritory.national(7);
        Map<TerritorialLevel, Long> counts = data.units().stream()
                .collect(Collectors.groupingBy(u -> u.level, Collectors.counting()));
        assertEquals(20, counts.get(TerritorialLevel.REGION));
        assertTrue(counts.get(TerritorialLevel.DISTRICT) >= 180 && counts.get(TerritorialLevel.DISTRICT) <= 220);
        assertEquals(2_334, counts.get(TerritorialLevel.RURAL_DISTRICT));
        assertTrue(counts.get(TerritorialLevel.SETTLEMENT) >= 6_500 && counts.get(TerritorialLevel.SETTLEMENT) <= 7_500,
                counts.toString());
        assertEquals(2_334, data.boundaries().size());
        assertEquals(data.units().size(), data.units().stream().map(u -> u.katoCode).distinct().count());

        TerritoryIndex index = new TerritoryIndex(data.units(), data.boundaries());
        LocalDate day = LocalDate.of(2026, 11, 23);
        Map<String, Boundary> byCode = data.boundaries().stream()
                .collect(Collectors.toMap(Boundary::katoCode, Function.identity()));
        for (Boundary boundary : byCode.values()) {
            assertTrue(boundary.area().isValid(), boundary.katoCode());
            Coordinate inside = SyntheticTerritory.pointInside(boundary);
            assertEquals(boundary.katoCode(), index.ruralDistrictAt(inside.y, inside.x, day).orElseThrow());
            assertTrue(Kazakhstan.mayContain(inside.y, inside.x));
        }
    }
}
