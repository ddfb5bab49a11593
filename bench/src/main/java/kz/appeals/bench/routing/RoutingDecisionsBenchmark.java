package kz.appeals.bench.routing;

import kz.appeals.contracts.AppealEvents.Location;
import kz.appeals.routing.domain.Boundary;
import kz.appeals.routing.domain.CompetenceRule;
import kz.appeals.routing.domain.CompetenceRules;
import kz.appeals.routing.domain.Responsibility;
import kz.appeals.routing.domain.RoutingDecision;
import kz.appeals.routing.domain.RoutingPolicy;
import kz.appeals.routing.domain.SyntheticTerritory;
import kz.appeals.routing.domain.TerritorialLevel;
import kz.appeals.routing.domain.TerritorialUnit;
import kz.appeals.routing.domain.TerritoryIndex;
import org.locationtech.jts.geom.Envelope;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Routing decisions per second, in process, over the SYNTHETIC national-size territory (20 regions, ~200
 * districts, 2,334 rural districts with boundaries, ~7,000 settlements): the routing-service's own
 * {@link RoutingPolicy} and {@link TerritoryIndex}, no database or broker. Three workloads — coordinates (random
 * points in the tiled area: point-in-polygon through the STR-tree), KATO settlement codes, and address texts in
 * Russian with the district named — each for a fixed time after a warm-up, on 1 thread and on all cores.
 */
public final class RoutingDecisionsBenchmark {

    static final String USAGE = """
            Usage: ./appeals bench routing-decisions [--seconds=N] [--warmup=N] [--seed=N]

              --seconds=N   measured seconds per workload and thread count (default 5)
              --warmup=N    unmeasured seconds before each measurement (default 3)
              --seed=N      seed of the synthetic territory and the workload (default 2334)
            """;
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    private static final int WORKLOAD = 100_000;

    private RoutingDecisionsBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int seconds = 5;
        int warmup = 3;
        long seed = 2334;
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            switch (pair[0]) {
                case "--seconds" -> seconds = Integer.parseInt(pair[1]);
                case "--warmup" -> warmup = Integer.parseInt(pair[1]);
                case "--seed" -> seed = Long.parseLong(pair[1]);
                default -> {
                    System.err.print(USAGE);
                    System.exit(arg.equals("--help") ? 0 : 2);
                }
            }
        }
        long started = System.nanoTime();
        SyntheticTerritory.Data data = SyntheticTerritory.national(seed);
        long generated = System.nanoTime();
        TerritoryIndex territory = new TerritoryIndex(data.units(), data.boundaries());
        long indexed = System.nanoTime();
        RoutingPolicy policy = new RoutingPolicy(territory, new CompetenceRules(List.of(ruralAkimsAnswer())));
        System.out.printf(Locale.ROOT, "territory: %d units, %d boundaries; generated in %d ms, indexed in %d ms%n",
                data.units().size(), data.boundaries().size(), (generated - started) / 1_000_000,
                (indexed - generated) / 1_000_000);

        SplittableRandom random = new SplittableRandom(seed);
        List<Location> coordinates = points(data.boundaries(), random);
        List<TerritorialUnit> settlements = data.units().stream()
                .filter(u -> u.level == TerritorialLevel.SETTLEMENT).toList();
        List<Location> codes = new ArrayList<>(WORKLOAD);
        List<Location> addresses = new ArrayList<>(WORKLOAD / 10);
        for (int i = 0; i < WORKLOAD; i++) {
            TerritorialUnit settlement = settlements.get(random.nextInt(settlements.size()));
            codes.add(new Location(settlement.katoCode, null, null, null));
            if (i < WORKLOAD / 10) {
                TerritorialUnit district = territory.find(settlement.code().district(), DAY).orElseThrow();
                addresses.add(new Location(null, null, null, district.nameRu + ", " + settlement.nameRu
                        + ", ул. Абая 12, возле школы"));
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores > 1 ? new int[]{1, cores} : new int[]{1}) {
            lookups(territory, coordinates, threads, warmup);
            Result result = lookups(territory, coordinates, threads, seconds);
            System.out.printf(Locale.ROOT, "%-12s threads=%d  %,12.0f lookups/s    (%,d point-in-polygon lookups in "
                            + "%.1f s; found %.1f%%)%n", "point-lookup", threads, result.perSecond(), result.decisions,
                    result.seconds, 100.0 * result.routed / result.decisions);
        }
        for (String name : List.of("coordinates", "kato", "address")) {
            List<Location> workload = name.equals("coordinates") ? coordinates : name.equals("kato") ? codes : addresses;
            for (int threads : cores > 1 ? new int[]{1, cores} : new int[]{1}) {
                run(policy, workload, threads, warmup, false);
                Result result = run(policy, workload, threads, seconds, true);
                System.out.printf(Locale.ROOT, "%-12s threads=%d  %,12.0f decisions/s  (%,d decisions in %.1f s; "
                                + "routed %.1f%%, triage %.1f%%; %,.0f per CPU-second of its threads)%n", name, threads,
                        result.perSecond(), result.decisions, result.seconds, 100.0 * result.routed / result.decisions,
                        100.0 * (result.decisions - result.routed) / result.decisions, result.perCpuSecond());
            }
        }
        System.out.printf("measured %s on %d cores, %s%n", Instant.now(), cores, System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version"));
    }

    /** {@code cpuSeconds}: the workers' own CPU time, which other processes on a shared machine do not inflate. */
    private record Result(long decisions, long routed, double seconds, double cpuSeconds) {
        double perSecond() {
            return decisions / seconds;
        }

        double perCpuSecond() {
            return decisions / cpuSeconds;
        }
    }

    /** The spatial index alone: which rural district's boundary contains the point. */
    private static Result lookups(TerritoryIndex territory, List<Location> points, int threads, int seconds)
            throws InterruptedException {
        return measure(threads, seconds, (i, found) -> {
            Location point = points.get(i % points.size());
            if (territory.ruralDistrictAt(point.latitude(), point.longitude(), DAY).isPresent()) {
                found.increment();
            }
        });
    }

    private static Result run(RoutingPolicy policy, List<Location> workload, int threads, int seconds,
                              boolean measured) throws InterruptedException {
        Result result = measure(threads, seconds, (i, routed) -> {
            if (policy.decide(workload.get(i % workload.size()), "roads", DAY, Set.of())
                    instanceof RoutingDecision.Routed) {
                routed.increment();
            }
        });
        return measured ? result : null;
    }

    /** One unit of work, the i-th of its thread; {@code hit} counts successes (routed, found). */
    private interface Work {
        void apply(int i, LongAdder hit);
    }

    private static Result measure(int threads, int seconds, Work work) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder decisions = new LongAdder();
        LongAdder routed = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7919;
            workers.add(new Thread(() -> {
                long done = 0;
                long cpuAtStart = cpu.getCurrentThreadCpuTime();
                for (int i = offset; !stop.get(); i++) {
                    work.apply(i, routed);
                    done++;
                }
                decisions.add(done);
                cpuNanos.add(cpu.getCurrentThreadCpuTime() - cpuAtStart);
            }));
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(decisions.sum(), routed.sum(), elapsed, cpuNanos.sum() / 1e9);
    }

    /** Random points within the envelopes of random rural districts: most inside it, some in a neighbour. */
    private static List<Location> points(List<Boundary> boundaries, SplittableRandom random) {
        List<Location> points = new ArrayList<>(WORKLOAD);
        for (int i = 0; i < WORKLOAD; i++) {
            Envelope box = boundaries.get(random.nextInt(boundaries.size())).area().getEnvelopeInternal();
            double lon = box.getMinX() + random.nextDouble() * box.getWidth();
            double lat = box.getMinY() + random.nextDouble() * box.getHeight();
            points.add(new Location(null, lat, lon, null));
        }
        return points;
    }

    /** The default rule only: every placed appeal goes to its rural akim, as most do. */
    private static CompetenceRule ruralAkimsAnswer() {
        CompetenceRule rule = new CompetenceRule();
        rule.categoryCode = CompetenceRule.ANY_CATEGORY;
        rule.scope = CompetenceRule.Scope.RURAL_DISTRICT;
        rule.responsibility = Responsibility.RURAL_AKIM;
        rule.departmentCode = "akim";
        rule.nameKk = "Ауыл әкімі";
        rule.nameRu = "Аким сельского округа";
        rule.note = "benchmark";
        rule.updatedAt = Instant.EPOCH;
        return rule;
    }
}
