package kz.appeals.routing.domain;

import kz.appeals.contracts.AppealEvents.Location;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a decision from address text costs on the national-size synthetic territory (2,334 rural districts, ~7,000
 * localities, many names shared across the country), with the {@code routing-decisions} benchmark's workload: a
 * Russian text naming the district and the village. Measured in the thread's own CPU time, which the other processes
 * of a shared build machine do not inflate. A matcher that read every name of the country for such a text made about
 * 1,500 decisions per CPU-second here; one that looks names up in its indexes makes more than 20,000.
 */
class AddressMatchingCostTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final double FLOOR_PER_CPU_SECOND = 10_000;
    /** The best pass counts: the first ones run before the JIT compiled the matcher, later on a busy machine. */
    private static final int PASSES = 10;

    @Test
    void aDecisionFromAddressTextDoesNotReadTheWholeCountrysNames() {
        SyntheticTerritory.Data data = SyntheticTerritory.national(2334);
        TerritoryIndex territory = new TerritoryIndex(data.units(), data.boundaries());
        RoutingPolicy policy = new RoutingPolicy(territory, TestTerritory.defaultRules());
        List<TerritorialUnit> localities = data.units().stream()
                .filter(u -> u.level == TerritorialLevel.SETTLEMENT).toList();
        SplittableRandom random = new SplittableRandom(2334);
        List<Location> addresses = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            TerritorialUnit locality = localities.get(random.nextInt(localities.size()));
            TerritorialUnit district = territory.find(locality.code().district(), DAY).orElseThrow();
            addresses.add(new Location(null, null, null, district.nameRu + ", " + locality.nameRu
                    + ", ул. Абая 12, возле школы"));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int pass = 0; pass < PASSES; pass++) {
            long started = cpu.getCurrentThreadCpuTime();
            for (Location address : addresses) {
                policy.decide(address, "roads", DAY, Set.of());
            }
            best = Math.max(best, addresses.size() / ((cpu.getCurrentThreadCpuTime() - started) / 1e9));
        }
        System.out.printf(Locale.ROOT, "address decisions on the national synthetic territory: %.0f per CPU-second"
                + " (best of %d passes of %d)%n", best, PASSES, addresses.size());
        assertTrue(best >= FLOOR_PER_CPU_SECOND, best + " decisions per CPU-second");
    }
}
