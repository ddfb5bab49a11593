package kz.appeals.bench.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import kz.appeals.bench.BenchReport;
import kz.appeals.bench.MachineState;
import kz.appeals.bench.SystemCost;
import kz.appeals.bench.ceilings.Ceilings;
import kz.appeals.bench.scenario.ScenarioOptions.Scenario;
import kz.appeals.bench.scenario.ScenarioRun.End;
import kz.appeals.testing.Tokens;

import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./appeals bench scenario --scenario=...}: the raw ceilings, then one scenario's load, then a JSON report,
 * an SVG chart and the accepted appeals' ids beside it, and the ledger command that checks exactly those appeals.
 */
public final class ScenarioCommand {

    public static final String NAME = ScenarioOptions.NAME;
    static final int EXIT_PASSED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_RUN = 3;
    /** The year: 10,000,000 appeals through the whole pipeline in under two hours. */
    static final long YEAR_APPEALS = 10_000_000L;
    static final double YEAR_HOURS = 2.0;

    private ScenarioCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(ScenarioOptions.USAGE);
            return;
        }
        ScenarioOptions options;
        PrivateKey key;
        try {
            options = ScenarioOptions.parse(args, Instant.now());
            key = Tokens.readPrivateKey(options.key());
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench scenario: " + e.getMessage() + "; --help lists the options");
            System.exit(EXIT_USAGE);
            return;
        }
        System.exit(run(options, key, System.err));
    }

    static int run(ScenarioOptions options, PrivateKey key, PrintStream console) throws Exception {
        Instant startedAt = Instant.now();
        MachineState before = MachineState.now();
        AppealMix mix = options.scenario() == Scenario.YEAR_REPLAY
                && options.territory() == ScenarioOptions.Territory.NATIONAL
                ? AppealMix.national(options.territorySeed(), options.officeMix(), options.seed())
                : AppealMix.settlements(options.katoCodes(), options.officeMix(), options.seed());
        try {
            List<String> unknown = unknownSettlements(options, mix);
            if (!unknown.isEmpty()) {
                console.printf(Locale.ROOT, "bench scenario: intake does not know %s, so every submission would be "
                        + "refused (422). Load the territory first:%n%s%n", unknown, importHint(options));
                return EXIT_CANNOT_RUN;
            }
        } catch (SQLException e) {
            console.println("bench scenario: cannot read intake's territory at " + options.pg() + ": " + e.getMessage()
                    + " (is the system up? ./appeals status)");
            return EXIT_CANNOT_RUN;
        }
        Ceilings ceilings = null;
        if (options.ceilings() != null) {
            try {
                ceilings = Ceilings.measure(new Ceilings.Settings(options.pg(), options.pgUser(), options.pgPassword(),
                        options.kafka(), URI.create(options.intake() + "/q/health/live"), options.ceilingClients(),
                        options.ceilings()), console);
            } catch (Exception e) {
                console.println("bench scenario: cannot measure the ceilings: " + e + " (is the system up? "
                        + "./appeals status)");
                return EXIT_CANNOT_RUN;
            }
        }
        console.printf(Locale.ROOT, "bench scenario %s: %,d appeals at %s/s, at most %d in flight, %d office clerks,"
                        + " office mix %d/%d/%d (on time/extended/ignored), %d%% rated%n",
                options.scenario().wireName(), options.appeals(), options.ratePerSecond(), options.concurrency(),
                options.offices(), options.officeMix().onTimePercent(), options.officeMix().extendedPercent(),
                options.officeMix().ignoredPercent(), options.officeMix().ratedPercent());
        ScenarioRun run = new ScenarioRun(options, mix, key, console);
        SystemCost cost = SystemCost.of(SystemCost.SYSTEM_PIDS, options.pg(), options.pgUser(), options.pgPassword());
        SystemCost.Snapshot costBefore = cost.take();
        ScenarioRun.Outcome outcome;
        try {
            outcome = run.run();
        } catch (IllegalStateException e) {
            console.println("bench scenario: " + e.getMessage() + " (is the system up? ./appeals status)");
            return EXIT_CANNOT_RUN;
        }
        SystemCost.awaitStatistics();
        SystemCost.PerAppeal perAppeal = SystemCost.between(costBefore, cost.take(), outcome.submitted().accepted());
        MachineState after = MachineState.now();

        Path appealsFile = options.beside(".appeals");
        Path chartFile = options.beside(".svg");
        IntervalRecorder recorder = run.recorder();
        Files.writeString(chartFile, ScenarioChart.render("bench scenario " + options.scenario().wireName() + ", "
                        + startedAt + " (" + options.appeals() + " appeals at " + options.ratePerSecond() + "/s)",
                recorder.stages(), recorder.intervals()), StandardCharsets.UTF_8);

        Map<String, Object> report = report(options, startedAt, before, after, ceilings, outcome, recorder, chartFile,
                appealsFile);
        report.put("costPerAcceptedAppeal", perAppeal);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        Files.writeString(options.out(), json, StandardCharsets.UTF_8);
        System.out.print(json);
        boolean passed = Boolean.TRUE.equals(report.get("passed"));
        console.println(summary(report));
        console.println("bench scenario: report " + options.out() + ", chart " + chartFile + ", appeal ids "
                + appealsFile);
        console.println("bench scenario: check these appeals with: " + report.get("ledgerCommand"));
        return passed ? EXIT_PASSED : EXIT_FAILED;
    }

    /**
     * The first settlement of each region the mix draws from that intake's replica of the territory lacks: a run
     * against a system without its territory would only measure 422s.
     */
    static List<String> unknownSettlements(ScenarioOptions options, AppealMix mix) throws SQLException {
        List<String> probes = mix.regions().stream().map(region -> region.settlements().get(0)).toList();
        List<String> unknown = new ArrayList<>(probes);
        try (Connection db = DriverManager.getConnection(options.pg(), options.pgUser(), options.pgPassword());
             PreparedStatement known = db.prepareStatement(
                     "select kato_code from intake.known_settlement where kato_code = any(?)")) {
            known.setArray(1, db.createArrayOf("varchar", probes.toArray()));
            try (ResultSet rows = known.executeQuery()) {
                while (rows.next()) {
                    unknown.remove(rows.getString(1));
                }
            }
        }
        return unknown;
    }

    private static String importHint(ScenarioOptions options) {
        return options.scenario() == Scenario.YEAR_REPLAY && options.territory() == ScenarioOptions.Territory.NATIONAL
                ? """
                  ./appeals bench national-territory --out=/tmp/national
                  scripts/import-territory.sh classifier /tmp/national/kato.csv 2025-01-01
                  scripts/import-territory.sh akims /tmp/national/akims.csv 2025-01-01
                  scripts/import-territory.sh boundaries /tmp/national/boundaries.geojson 2025-01-01"""
                : "  ./appeals up loads the SAMPLE territory; --kato names settlements of the loaded territory";
    }

    @SuppressWarnings("unchecked")
    private static String summary(Map<String, Object> report) {
        StringBuilder text = new StringBuilder();
        Map<String, Object> submit = (Map<String, Object>) report.get("submit");
        text.append(String.format(Locale.ROOT, "submit: %s sent, %s accepted, %s accepted/s%n", submit.get("sent"),
                submit.get("accepted"), submit.get("acceptedPerSecond")));
        Map<String, BenchReport.Latency> stages = (Map<String, BenchReport.Latency>) report.get("stages");
        stages.forEach((stage, latency) -> {
            if (latency.count() > 0) {
                text.append(String.format(Locale.ROOT, "  %-12s %7d  p50 %9.1f  p90 %9.1f  p99 %9.1f  max %9.1f ms%n",
                        stage, latency.count(), latency.p50Ms(), latency.p90Ms(), latency.p99Ms(), latency.maxMs()));
            }
        });
        if (report.get("pipeline") != null) {
            Map<String, Object> pipeline = (Map<String, Object>) report.get("pipeline");
            text.append("pipeline: ends ").append(pipeline.get("ends")).append(", sustained ")
                    .append(pipeline.get("sustainedPerSecond")).append("/s\n");
        }
        if (report.get("projection") != null) {
            text.append("projection: ").append(report.get("projection")).append('\n');
        }
        for (Target target : (List<Target>) report.get("targets")) {
            text.append(String.format(Locale.ROOT, "target %s (%s): %.1f %s -> %s (%s)%n", target.name(),
                    target.requirement(), target.measured(), target.unit(),
                    target.met() == null ? "not judged" : target.met() ? "met" : "NOT MET", target.note()));
        }
        if (report.get("costPerAcceptedAppeal") instanceof SystemCost.PerAppeal cost) {
            text.append(cost.describe()).append('\n');
        }
        text.append(Boolean.TRUE.equals(report.get("passed")) ? "PASSED: " : "FAILED: ").append(report.get("verdict"));
        return text.toString();
    }

    static Map<String, Object> report(ScenarioOptions options, Instant startedAt, MachineState before,
                                      MachineState after, Ceilings ceilings, ScenarioRun.Outcome outcome,
                                      IntervalRecorder recorder, Path chartFile, Path appealsFile) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", NAME);
        report.put("scenario", options.scenario().wireName());
        report.put("startedAt", startedAt.toString());
        report.put("finishedAt", Instant.now().toString());
        List<IntervalRecorder.Interval> intervals = recorder.intervals();
        double maxLoad = intervals.stream().mapToDouble(IntervalRecorder.Interval::loadAverage).max().orElse(-1);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", before.cores());
        machine.put("memoryMb", before.memoryMb());
        machine.put("jvm", before.jvm());
        machine.put("os", before.os());
        machine.put("loadAverageAtStart", before.loadAverage());
        machine.put("loadAverageAtEnd", after.loadAverage());
        machine.put("maxLoadAverage1mDuringLoad", maxLoad);
        machine.put("note", "the load generator, the five services, Kafka and PostgreSQL share these cores: numbers "
                + "are indicative");
        report.put("machine", machine);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("appeals", options.appeals());
        parameters.put("ratePerSecond", options.ratePerSecond());
        parameters.put("concurrency", options.concurrency());
        parameters.put("offices", options.offices());
        parameters.put("officeMix", options.officeMix());
        parameters.put("territory", options.scenario() == Scenario.YEAR_REPLAY ? options.territory().name() : "SETTLEMENTS");
        parameters.put("katoCodes", options.katoCodes());
        parameters.put("territorySeed", options.territorySeed());
        parameters.put("seed", options.seed());
        parameters.put("lapseIgnored", options.lapseIgnored());
        parameters.put("timeoutSeconds", options.timeout().toSeconds());
        parameters.put("intake", options.intake().toString());
        parameters.put("response", options.response().toString());
        parameters.put("kafka", options.kafka());
        parameters.put("pg", options.pg());
        report.put("parameters", parameters);
        report.put("ceilings", ceilings);

        var submitted = outcome.submitted();
        double submitWindow = seconds(submitted.lastResponseNanos() - outcome.startNanos());
        double acceptedPerSecond = perSecond(submitted.accepted(), submitWindow);
        Map<String, Long> statuses = new TreeMap<>();
        submitted.statuses().forEach((status, count) -> statuses.put(status.toString(), count));
        Map<String, Object> submit = new LinkedHashMap<>();
        submit.put("sent", submitted.sent());
        submit.put("accepted", submitted.accepted());
        submit.put("statusCounts", statuses);
        submit.put("errors", submitted.errors());
        submit.put("windowSeconds", round(submitWindow));
        submit.put("acceptedPerSecond", acceptedPerSecond);
        submit.put("maxSendLagMs", submitted.maxSendLagNanos() / 1e6);
        submit.put("failureSamples", submitted.failureSamples());
        report.put("submit", submit);

        Map<String, BenchReport.Latency> stages = new LinkedHashMap<>();
        for (String stage : recorder.stages()) {
            stages.put(stage, BenchReport.Latency.of(recorder.total(stage)));
        }
        report.put("stages", stages);

        List<Target> targets = new ArrayList<>();
        boolean complete = submitted.accepted() > 0 && submitted.accepted() == submitted.sent();
        double sustained = acceptedPerSecond;
        if (options.followsPipeline()) {
            var routed = outcome.routed();
            double routedWindow = routed.routed() == 0 ? 0 : seconds(routed.lastRoutedNanos() - outcome.startNanos());
            double routedPerSecond = perSecond(routed.routed(), routedWindow);
            double answeredWindow = outcome.answeredCount() == 0 ? 0
                    : seconds(outcome.lastAnsweredNanos() - outcome.startNanos());
            double answeredPerSecond = perSecond(outcome.answeredCount(), answeredWindow);
            // The slowest of the stages every appeal (or every answered one) passes: what the pipeline sustains.
            sustained = Math.min(acceptedPerSecond, routedPerSecond);
            if (outcome.answeredCount() > 0) {
                sustained = Math.min(sustained, answeredPerSecond * routed.routed() / outcome.answeredCount());
            }
            sustained = round(sustained);
            Map<String, Object> pipeline = new LinkedHashMap<>();
            pipeline.put("routed", routed.routed());
            pipeline.put("needsTriage", routed.needsTriage());
            pipeline.put("duplicateRoutedEvents", routed.duplicates());
            pipeline.put("routedPerSecond", routedPerSecond);
            pipeline.put("answered", outcome.answeredCount());
            pipeline.put("answeredPerSecond", answeredPerSecond);
            pipeline.put("extended", outcome.extended());
            pipeline.put("lapsesCommitted", outcome.lapsesCommitted());
            pipeline.put("ends", outcome.ends());
            pipeline.put("sustainedPerSecond", sustained);
            pipeline.put("sustainedNote", "min(accepted/s, routed/s, answered/s scaled to every routed appeal), each "
                    + "over its own window from the first scheduled send; escalations wait for the sweeper (every 60 s)");
            pipeline.put("notYetInResponseRetries", outcome.notYetInResponse());
            pipeline.put("busyRetries", outcome.busyRetries());
            pipeline.put("failureSamples", outcome.failureSamples());
            pipeline.put("pendingSample", outcome.pendingSample());
            pipeline.put("listenerFailure", outcome.listenerFailure());
            report.put("pipeline", pipeline);
            complete = complete && outcome.ends().get(End.PENDING) == 0 && outcome.ends().get(End.FAILED) == 0
                    && outcome.listenerFailure() == null;
        }
        BenchReport.Latency submitLatency = stages.get("submit");
        switch (options.scenario()) {
            case INTAKE_ONLY -> {
                targets.add(Target.atLeast("intake throughput", ">= 5,000 appeals/s", 5000, options.ratePerSecond(),
                        acceptedPerSecond, "appeals/s"));
                targets.add(Target.below("intake p99", "p99 < 50 ms at 5,000 appeals/s", 50, submitLatency.p99Ms(),
                        options.ratePerSecond(), 5000, "ms"));
            }
            case FULL_PIPELINE -> targets.add(Target.below("submit->routed p99", "p99 < 500 ms at 500 appeals/s", 500,
                    stages.get("routed").p99Ms(), options.ratePerSecond(), 500, "ms"));
            case YEAR_REPLAY -> {
                double needed = YEAR_APPEALS / (YEAR_HOURS * 3600);
                targets.add(Target.atLeast("year through the whole pipeline",
                        "10,000,000 appeals in < 2 h (>= 1,389 appeals/s)", needed, options.ratePerSecond(), sustained,
                        "appeals/s"));
                Map<String, Object> projection = new LinkedHashMap<>();
                projection.put("appeals", YEAR_APPEALS);
                projection.put("atSustainedPerSecond", sustained);
                projection.put("hours", sustained <= 0 ? null : round(YEAR_APPEALS / sustained / 3600));
                projection.put("days", sustained <= 0 ? null : round(YEAR_APPEALS / sustained / 86400));
                projection.put("targetHours", YEAR_HOURS);
                projection.put("note", sustained >= Target.KEPT_UP * options.ratePerSecond()
                        ? "the system kept up with the offered rate, so this is an upper bound on the time"
                        : "the system fell behind the offered rate: this is its capacity here");
                report.put("projection", projection);
            }
        }
        if (ceilings != null) {
            Map<String, Object> comparison = new LinkedHashMap<>();
            comparison.put("acceptedPerSecond", acceptedPerSecond);
            comparison.put("shareOfPostgresSingleRowCommits",
                    share(acceptedPerSecond, ceilings.postgresSingleRowCommits().perSecond()));
            comparison.put("shareOfKafkaProducerRecords", share(acceptedPerSecond, ceilings.kafkaProducer().perSecond()));
            comparison.put("shareOfEmptyQuarkusEndpoint",
                    share(acceptedPerSecond, ceilings.emptyQuarkusEndpoint().perSecond()));
            report.put("comparisonWithCeilings", comparison);
        }
        report.put("targets", targets);
        report.put("intervals", intervals);
        report.put("chart", chartFile.getFileName().toString());
        report.put("appealsFile", appealsFile.toString());
        report.put("ledgerCommand", "./appeals ledger --appeals-file=" + appealsFile + " --settle=60s");
        boolean targetMissed = targets.stream().anyMatch(t -> Boolean.FALSE.equals(t.met()));
        report.put("complete", complete);
        report.put("passed", complete && !targetMissed);
        String verdict = complete ? "every accepted appeal finished" : "not every appeal finished: see submit.failureSamples"
                + (options.followsPipeline() ? ", pipeline.failureSamples and pipeline.pendingSample" : "");
        if (targetMissed) {
            verdict += "; targets missed: " + targets.stream().filter(t -> Boolean.FALSE.equals(t.met()))
                    .map(Target::name).collect(Collectors.joining(", "));
        }
        report.put("verdict", verdict);
        return report;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : round(count / seconds);
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : Math.round(part / whole * 10000) / 10000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
