package kz.appeals.analytics.domain;

import kz.appeals.contracts.TerritoryEvents.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Like is compared with like: every kind of body in one group, and a ranking of one group only. */
class ComparisonGroupTest {

    private static final ReportingPeriod NOVEMBER = new ReportingPeriod(LocalDate.of(2026, 11, 1),
            LocalDate.of(2026, 11, 30));

    @Test
    void everyKindOfBodyBelongsToExactlyOneGroup() {
        List<UnitKind> grouped = new ArrayList<>();
        Arrays.stream(ComparisonGroup.values()).forEach(group -> grouped.addAll(group.kinds()));
        assertEquals(UnitKind.values().length, grouped.size(), "no kind in two groups: " + grouped);
        assertEquals(EnumSet.allOf(UnitKind.class), EnumSet.copyOf(grouped));
        assertEquals(Set.of(UnitKind.RURAL_DISTRICT, UnitKind.VILLAGE_AKIMAT, UnitKind.SETTLEMENT_AKIMAT),
                ComparisonGroup.RURAL.kinds());
        assertEquals(Set.of(UnitKind.TOWN, UnitKind.TOWN_ADMINISTRATION), ComparisonGroup.TOWNS.kinds());
        assertEquals(Set.of(UnitKind.CITY_ADMINISTRATION, UnitKind.CITY_DISTRICT,
                UnitKind.CITY_OF_REPUBLICAN_SIGNIFICANCE), ComparisonGroup.CITIES.kinds());
    }

    @Test
    void aUnitWithoutAKindIsTakenForTheKindItsLevelNames() {
        TerritoryMetrics unknown = unit("191010000", null, 40, 38);
        assertEquals(UnitKind.RURAL_DISTRICT, ComparisonGroup.kindOf(unknown));
        assertEquals(ComparisonGroup.RURAL, ComparisonGroup.of(unknown));
        assertEquals(ComparisonGroup.RURAL, ComparisonGroup.defaultAt(TerritoryLevel.RURAL_DISTRICT));
        assertEquals(ComparisonGroup.DISTRICTS, ComparisonGroup.defaultAt(TerritoryLevel.DISTRICT));
    }

    /**
     * A town keeps 150 of 200 appeals, the villages 38 of 40 each: pooled with them, the town would set the reference
     * and be judged against villages. Each group's ranking holds its own units only, and its reference rate is theirs.
     */
    @Test
    void aTownIsRankedAmongTownsAndNotAmongVillages() {
        List<TerritoryMetrics> units = List.of(unit("191010000", UnitKind.RURAL_DISTRICT, 40, 38),
                unit("191020000", UnitKind.VILLAGE_AKIMAT, 40, 38),
                unit("191030000", UnitKind.SETTLEMENT_AKIMAT, 40, 38),
                unit("191040100", UnitKind.TOWN, 200, 150), unit("191050000", UnitKind.TOWN_ADMINISTRATION, 100, 80));
        Ranking rural = Ranking.of(NOVEMBER, ComparisonGroup.RURAL, Instant.EPOCH, 20, 3, units);
        Ranking towns = Ranking.of(NOVEMBER, ComparisonGroup.TOWNS, Instant.EPOCH, 20, 3, units);

        assertEquals(ComparisonGroup.RURAL, rural.group());
        assertEquals(List.of("191010000", "191020000", "191030000"), katos(rural));
        assertEquals(38 / 40.0, rural.funnel().referenceRate(), 1e-12);
        assertEquals(ComparisonGroup.TOWNS, towns.group());
        assertEquals(List.of("191040100", "191050000"), katos(towns).stream().sorted().toList());
        assertEquals(230 / 300.0, towns.funnel().referenceRate(), 1e-12);
        assertTrue(katos(rural).stream().noneMatch(katos(towns)::contains));
    }

    private static List<String> katos(Ranking ranking) {
        List<String> katos = new ArrayList<>(ranking.ranked().stream().map(Ranking.Ranked::kato).toList());
        ranking.notRanked().forEach(unit -> katos.add(unit.kato()));
        return katos;
    }

    private static TerritoryMetrics unit(String kato, UnitKind kind, long received, long keptLocally) {
        return TerritoryMetrics.of(TerritoryLevel.RURAL_DISTRICT, kato, null, NOVEMBER,
                new TerritoryMetrics.Territory(null, null, null, null, null, kind), new TerritoryMetrics.Counts(
                        received, 0, 0, 0, null, null, 0, 0, 0, 0, 0, 0, 0, keptLocally, 0, 0, 0,
                        new TerritoryMetrics.TrustBasis(received, received, keptLocally)));
    }
}
