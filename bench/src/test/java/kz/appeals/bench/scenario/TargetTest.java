package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetTest {

    @Test
    void aRateIsMetWhenAchievedMissedWhenSaturatedAndUnjudgedWhenTheLoadWasTooLow() {
        assertEquals(true, Target.atLeast("t", "r", 5000, 6000, 5200, "/s").met());
        Target saturated = Target.atLeast("t", "r", 5000, 6000, 700, "/s");
        assertEquals(false, saturated.met());
        assertTrue(saturated.note().contains("saturated"));
        Target tooLow = Target.atLeast("t", "r", 5000, 100, 99.5, "/s");
        assertNull(tooLow.met());
        assertTrue(tooLow.note().contains("capacity not reached"));
        // 40 offered, 34 achieved: the system fell behind a load far below the target
        assertEquals(false, Target.atLeast("t", "r", 1389, 40, 34, "/s").met());
    }

    @Test
    void aLatencyIsJudgedAtItsRateOrWhenAlreadyOverTheLimitBelowIt() {
        assertEquals(true, Target.below("t", "r", 500, 120, 500, 500, "ms").met());
        assertEquals(false, Target.below("t", "r", 500, 800, 600, 500, "ms").met());
        assertNull(Target.below("t", "r", 500, 120, 50, 500, "ms").met());
        Target overEarly = Target.below("t", "r", 500, 3000, 50, 500, "ms");
        assertEquals(false, overEarly.met());
        assertTrue(overEarly.note().contains("already"));
    }
}
