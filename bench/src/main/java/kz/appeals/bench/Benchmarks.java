package kz.appeals.bench;

import kz.appeals.bench.analytics.AnalyticsReplayBenchmark;
import kz.appeals.bench.ceilings.CeilingsCommand;
import kz.appeals.bench.escalation.EscalationSweepBenchmark;
import kz.appeals.bench.contracts.ContractCheckBenchmark;
import kz.appeals.bench.idle.IdleCostBenchmark;
import kz.appeals.bench.intake.IntakeThroughputBenchmark;
import kz.appeals.bench.ledger.LedgerCommand;
import kz.appeals.bench.response.AnswerThroughputBenchmark;
import kz.appeals.bench.response.InboxQueryBenchmark;
import kz.appeals.bench.routing.NationalTerritoryFiles;
import kz.appeals.bench.routing.RoutingDecisionsBenchmark;
import kz.appeals.bench.scenario.ScenarioCommand;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code bench.jar}: {@code ./appeals bench <name> [options]} runs the named benchmark with the
 * remaining arguments. Each benchmark documents its options under {@code --help}.
 */
public final class Benchmarks {

    /** A benchmark's {@code main}. */
    @FunctionalInterface
    interface Entry {
        void run(String[] args) throws Exception;
    }

    private static final Map<String, Entry> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put("submit-to-routed", SubmitToRoutedBenchmark::main);
        BENCHMARKS.put("intake", IntakeThroughputBenchmark::main);
        BENCHMARKS.put(EscalationSweepBenchmark.NAME, EscalationSweepBenchmark::main);
        BENCHMARKS.put("routing-decisions", RoutingDecisionsBenchmark::main);
        BENCHMARKS.put("national-territory", NationalTerritoryFiles::main);
        BENCHMARKS.put("inbox-query", InboxQueryBenchmark::main);
        BENCHMARKS.put("answers", AnswerThroughputBenchmark::main);
        BENCHMARKS.put(AnalyticsReplayBenchmark.NAME, AnalyticsReplayBenchmark::main);
        BENCHMARKS.put(LedgerCommand.NAME, LedgerCommand::main);
        BENCHMARKS.put(ScenarioCommand.NAME, ScenarioCommand::main);
        BENCHMARKS.put(CeilingsCommand.NAME, CeilingsCommand::main);
        BENCHMARKS.put(IdleCostBenchmark.NAME, IdleCostBenchmark::main);
        BENCHMARKS.put(ContractCheckBenchmark.NAME, ContractCheckBenchmark::main);
    }

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Entry entry = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (entry == null) {
            System.err.println("usage: ./appeals bench <name> [options]   (<name> --help lists its options)");
            System.err.println("benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
            System.exit(args.length == 0 || args[0].equals("--help") ? 0 : SubmitToRoutedBenchmark.EXIT_USAGE);
            return;
        }
        entry.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
