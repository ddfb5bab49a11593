package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OfficeMixTest {

    @Test
    void drawsBehavioursInTheGivenProportions() {
        OfficeMix mix = OfficeMix.parse("70,20,10", "40");
        SplittableRandom random = new SplittableRandom(7);
        Map<OfficeMix.Behaviour, Integer> counts = new EnumMap<>(OfficeMix.Behaviour.class);
        int rated = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(mix.behaviour(random), 1, Integer::sum);
            rated += mix.rates(random) ? 1 : 0;
        }
        assertEquals(0.70, counts.get(OfficeMix.Behaviour.ON_TIME) / (double) draws, 0.01);
        assertEquals(0.20, counts.get(OfficeMix.Behaviour.EXTENDED) / (double) draws, 0.01);
        assertEquals(0.10, counts.get(OfficeMix.Behaviour.IGNORED) / (double) draws, 0.01);
        assertEquals(0.40, rated / (double) draws, 0.01);
    }

    @Test
    void aZeroShareNeverHappens() {
        OfficeMix mix = OfficeMix.parse("100,0,0", "0");
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(OfficeMix.Behaviour.ON_TIME, mix.behaviour(random));
            assertTrue(!mix.rates(random));
        }
    }

    @Test
    void theDefaultIsTheNationalShape() {
        assertEquals(new OfficeMix(85, 7, 8, 50), OfficeMix.parse("85,7,8", "50"));
        assertEquals(OfficeMix.NATIONAL, OfficeMix.parse(" 85, 7 ,8", "50"));
    }

    @Test
    void refusesMixesThatDoNotAddUp() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("80,7,8", "50")).getMessage()
                .contains("add up to 100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("85,15", "50")).getMessage()
                .contains("--office-mix"));
        assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("a,b,c", "50"));
        assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("110,-5,-5", "50"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("85,7,8", "101")).getMessage()
                .contains("0..100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfficeMix.parse("85,7,8", "half")).getMessage()
                .contains("--rated"));
    }
}
