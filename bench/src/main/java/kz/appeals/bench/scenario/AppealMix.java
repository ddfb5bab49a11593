package kz.appeals.bench.scenario;

import kz.appeals.routing.domain.SyntheticTerritory;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Where appeals come from and what they are about: settlements drawn region by region with the regions' weights,
 * then uniformly within the region; categories with weights. Each appeal's draw depends only on the seed and its
 * index, so a run can be repeated exactly.
 */
public final class AppealMix {

    /** An intake category with its weight and a valid attributes object (its required attributes filled in). */
    public record Category(String code, int weight, String attributesJson) {
    }

    /** A region (its 2-digit KATO prefix) with its weight and settlements. */
    public record Region(String prefix, double weight, List<String> settlements) {
    }

    /** What appeal {@code index} is: where, about what, and what its office and applicant will do. */
    public record Plan(int index, String settlementKato, Category category, OfficeMix.Behaviour behaviour,
                       boolean rated, boolean satisfied) {
    }

    /**
     * An assumed shape of what rural citizens write about (roads and yards first, utilities next), not official
     * statistics; every code is one of intake's categories (intake-service {@code Category}).
     */
    public static final List<Category> CATEGORIES = List.of(
            new Category("roads", 24, "{\"defect\":\"pothole\"}"),
            new Category("yards", 12, "{}"),
            new Category("water", 11, "{\"supply-interrupted\":\"yes\"}"),
            new Category("heating", 9, "{\"supply-interrupted\":\"no\"}"),
            new Category("lighting", 9, "{}"),
            new Category("waste", 9, "{}"),
            new Category("transport", 7, "{}"),
            new Category("social-support", 6, "{}"),
            new Category("land", 5, "{}"),
            new Category("playgrounds", 4, "{\"danger-to-children\":\"no\"}"),
            new Category("other", 4, "{}"));

    /**
     * Kazakhstan's 20 regions' approximate populations in 2024 (thousands, rounded; Turkestan and the cities of
     * Almaty, Astana and Shymkent largest, Ulytau smallest), given in turn to the synthetic territory's 20 regions so
     * that appeals are as unevenly spread as people are.
     */
    static final double[] REGION_POPULATION_THOUSANDS = {603, 787, 930, 1_530, 700, 690, 1_220, 700, 1_130, 830, 840,
        780, 750, 530, 2_130, 220, 720, 1_420, 2_230, 1_230};

    private final List<Region> regions;
    private final double totalRegionWeight;
    private final int totalCategoryWeight;
    private final OfficeMix offices;
    private final long seed;

    AppealMix(List<Region> regions, OfficeMix offices, long seed) {
        if (regions.isEmpty() || regions.stream().anyMatch(r -> r.settlements().isEmpty() || r.weight() <= 0)) {
            throw new IllegalArgumentException("every region needs settlements and a positive weight");
        }
        this.regions = List.copyOf(regions);
        this.totalRegionWeight = regions.stream().mapToDouble(Region::weight).sum();
        this.totalCategoryWeight = CATEGORIES.stream().mapToInt(Category::weight).sum();
        this.offices = offices;
        this.seed = seed;
    }

    /**
     * The SYNTHETIC national territory of {@code bench national-territory} (same seed: the one loaded into the
     * system), with population weights per region.
     */
    public static AppealMix national(long territorySeed, OfficeMix offices, long seed) {
        Map<String, List<String>> byRegion = new TreeMap<>();
        for (TerritorialUnit unit : SyntheticTerritory.national(territorySeed).units()) {
            if (unit.level == TerritorialLevel.SETTLEMENT) {
                byRegion.computeIfAbsent(unit.katoCode.substring(0, 2), r -> new ArrayList<>()).add(unit.katoCode);
            }
        }
        List<Region> regions = new ArrayList<>();
        int r = 0;
        for (Map.Entry<String, List<String>> region : byRegion.entrySet()) {
            regions.add(new Region(region.getKey(), REGION_POPULATION_THOUSANDS[r++ % REGION_POPULATION_THOUSANDS.length],
                    region.getValue()));
        }
        return new AppealMix(regions, offices, seed);
    }

    /** The given settlements, equally likely (the demo territory, or whatever --kato names). */
    public static AppealMix settlements(List<String> katoCodes, OfficeMix offices, long seed) {
        return new AppealMix(List.of(new Region("*", 1, katoCodes)), offices, seed);
    }

    public List<Region> regions() {
        return regions;
    }

    public Plan plan(int index) {
        // One generator per appeal, from the seed and the index alone: a plan never depends on threads or order.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Region region = pickRegion(random.nextDouble() * totalRegionWeight);
        String settlement = region.settlements().get(random.nextInt(region.settlements().size()));
        Category category = pickCategory(random.nextInt(totalCategoryWeight));
        OfficeMix.Behaviour behaviour = offices.behaviour(random);
        boolean rated = behaviour != OfficeMix.Behaviour.IGNORED && offices.rates(random);
        // Most answers that get rated satisfy; the rest are refusals or explanations the applicant disputes.
        boolean satisfied = random.nextInt(100) < 70;
        return new Plan(index, settlement, category, behaviour, rated, satisfied);
    }

    private Region pickRegion(double draw) {
        double cumulative = 0;
        for (Region region : regions) {
            cumulative += region.weight();
            if (draw < cumulative) {
                return region;
            }
        }
        return regions.get(regions.size() - 1);
    }

    private static Category pickCategory(int draw) {
        int cumulative = 0;
        for (Category category : CATEGORIES) {
            cumulative += category.weight();
            if (draw < cumulative) {
                return category;
            }
        }
        return CATEGORIES.get(CATEGORIES.size() - 1);
    }
}
