package kz.appeals.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppealMixTest {

    private static final AppealMix NATIONAL = AppealMix.national(2334, OfficeMix.NATIONAL, 2026);

    @Test
    void aPlanDependsOnlyOnTheSeedAndTheIndex() {
        AppealMix again = AppealMix.national(2334, OfficeMix.NATIONAL, 2026);
        for (int i = 0; i < 1000; i++) {
            assertEquals(NATIONAL.plan(i), again.plan(i));
        }
        AppealMix other = AppealMix.national(2334, OfficeMix.NATIONAL, 2027);
        long differ = java.util.stream.IntStream.range(0, 100)
                .filter(i -> !other.plan(i).settlementKato().equals(NATIONAL.plan(i).settlementKato())).count();
        assertTrue(differ > 90, "another seed, another mix: " + differ);
    }

    @Test
    void regionsAreDrawnByPopulationAndSettlementsExistInTheTerritory() {
        assertEquals(20, NATIONAL.regions().size());
        Map<String, AppealMix.Region> regions = new HashMap<>();
        NATIONAL.regions().forEach(r -> regions.put(r.prefix(), r));
        double total = NATIONAL.regions().stream().mapToDouble(AppealMix.Region::weight).sum();
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            AppealMix.Plan plan = NATIONAL.plan(i);
            String prefix = plan.settlementKato().substring(0, 2);
            assertTrue(regions.get(prefix).settlements().contains(plan.settlementKato()));
            assertFalse(plan.settlementKato().endsWith("000"), "a settlement, not a district: " + plan.settlementKato());
            counts.merge(prefix, 1, Integer::sum);
        }
        for (AppealMix.Region region : NATIONAL.regions()) {
            assertEquals(region.weight() / total, counts.get(region.prefix()) / (double) draws, 0.006, region.prefix());
        }
        // the largest region gets about ten times the smallest's appeals
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = counts.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(max > 8 * min, max + " vs " + min);
    }

    @Test
    void categoriesFollowTheirWeightsAndCarryValidAttributes() throws Exception {
        assertEquals(100, AppealMix.CATEGORIES.stream().mapToInt(AppealMix.Category::weight).sum());
        ObjectMapper json = new ObjectMapper();
        for (AppealMix.Category category : AppealMix.CATEGORIES) {
            assertTrue(json.readTree(category.attributesJson()).isObject(), category.code());
        }
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            counts.merge(NATIONAL.plan(i).category().code(), 1, Integer::sum);
        }
        for (AppealMix.Category category : AppealMix.CATEGORIES) {
            assertEquals(category.weight() / 100.0, counts.get(category.code()) / (double) draws, 0.006,
                    category.code());
        }
    }

    @Test
    void ignoredAppealsAreNeverRatedAndTheOfficeMixHolds() {
        int ignored = 0;
        int rated = 0;
        int answered = 0;
        for (int i = 0; i < 50_000; i++) {
            AppealMix.Plan plan = NATIONAL.plan(i);
            if (plan.behaviour() == OfficeMix.Behaviour.IGNORED) {
                ignored++;
                assertFalse(plan.rated());
            } else {
                answered++;
                rated += plan.rated() ? 1 : 0;
            }
        }
        assertEquals(0.08, ignored / 50_000.0, 0.006);
        assertEquals(0.5, rated / (double) answered, 0.01);
    }

    @Test
    void givenSettlementsAreUsedEquallyOften() {
        AppealMix mix = AppealMix.settlements(List.of("991021001", "992021001"), OfficeMix.NATIONAL, 1);
        long first = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> mix.plan(i).settlementKato().equals("991021001")).count();
        assertEquals(5_000, first, 250);
        assertNotEquals(0, first);
    }
}
