package kz.appeals.bench;

import kz.appeals.contracts.Topics;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Measures how the running system takes load end to end: appeals are POSTed to intake at a fixed rate and each is
 * followed until routing publishes its ROUTED (or NEEDS_TRIAGE) event on {@code appeals.routing}. Reports the HTTP
 * latency, the submit-to-routed latency, throughputs and every appeal that got lost on the way. Run it with
 * {@code ./appeals bench [--name=value ...]}; {@code --help} lists the options.
 */
public final class SubmitToRoutedBenchmark {

    static final int EXIT_NOT_ALL_ROUTED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_RUN = 3;
    private static final int MISSING_SAMPLE = 20;
    private static final String TOKEN_SUBJECT = "bench-load-generator";

    private final BenchOptions options;
    private final String token;
    private final PrintStream console = System.err;

    private SubmitToRoutedBenchmark(BenchOptions options, String token) {
        this.options = options;
        this.token = token;
    }

    public static void main(String[] args) throws InterruptedException {
        if (BenchOptions.helpRequested(args)) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "; --help lists the options");
            System.exit(EXIT_USAGE);
            return;
        }
        String token;
        try {
            token = options.token() != null ? options.token()
                    : Tokens.build("frontend", null, TOKEN_SUBJECT, Tokens.readPrivateKey(options.key()));
        } catch (RuntimeException e) {
            System.err.println("bench: cannot mint a frontend token with " + options.key() + ": " + e.getMessage()
                    + "\nbench: ./appeals up creates the system's key; or pass --key=<pem> or --token=<jwt>");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            System.exit(new SubmitToRoutedBenchmark(options, token).run());
        } catch (IOException e) {
            System.err.println("bench: cannot read the pid files in " + options.pids() + ": " + e.getMessage());
            System.exit(EXIT_CANNOT_RUN);
        } catch (IllegalStateException e) {
            // Kafka unreachable or the topic missing: nothing was sent.
            System.err.println("bench: " + e.getMessage() + " (is the system up? ./appeals status)");
            System.exit(EXIT_CANNOT_RUN);
        }
    }

    private int run() throws InterruptedException, IOException {
        RoutedTracker tracker = new RoutedTracker();
        SystemCost cost = SystemCost.of(options.pids(), options.pg(), options.pgUser(), options.pgPassword());
        if (cost.processes().isEmpty()) {
            console.println("bench: no running process recorded in " + options.pids()
                    + "; the report has the load generator's CPU only");
        }
        Instant startedAt = Instant.now();
        console.printf("bench: %d appeals at %s/s, at most %d in flight, to %s; following %s on %s%n",
                options.appeals(), options.ratePerSecond(), options.concurrency(), options.intake(),
                Topics.ROUTING, options.kafka());
        OpenLoopSubmitter.Result submitted;
        long startNanos;
        SystemCost.Snapshot costBefore;
        try (TopicListener listener = TopicListener.routed(options.kafka(), tracker)) {
            List<String> katoCodes = options.katoCodes();
            OpenLoopSubmitter submitter = new OpenLoopSubmitter(OpenLoopSubmitter.Load.of(options), token,
                    i -> SampleCitizens.appealJson(katoCodes.get(i % katoCodes.size()), SampleCitizens.randomIin()),
                    (appealId, applicantRef, index, dueNanos) -> tracker.accepted(appealId, dueNanos));
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "progress");
                thread.setDaemon(true);
                return thread;
            });
            costBefore = cost.take();
            startNanos = System.nanoTime();
            progress.scheduleAtFixedRate(() -> progress(submitter, tracker, startNanos), 1, 1, TimeUnit.SECONDS);
            submitted = submitter.run(startNanos);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (tracker.pending() > 0 && System.nanoTime() < deadline && listener.failure() == null) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            progress.shutdownNow();
            progress(submitter, tracker, startNanos);
            if (System.console() != null) {
                console.println();
            }
            if (listener.failure() != null) {
                console.println("bench: " + listener.failure().getMessage());
            }
        }
        SystemCost.awaitStatistics();
        RoutedTracker.Snapshot routed = tracker.snapshot(MISSING_SAMPLE);
        SystemCost.PerAppeal perAppeal = SystemCost.between(costBefore, cost.take(), submitted.accepted());
        BenchReport report = report(startedAt, startNanos, submitted, routed, perAppeal);
        String json = ReportWriter.toJson(report);
        System.out.print(json);
        ReportWriter.write(report, options.out());
        console.println(ReportWriter.summary(report));
        console.println("bench: report written to " + options.out());
        return report.passed() ? 0 : EXIT_NOT_ALL_ROUTED;
    }

    private void progress(OpenLoopSubmitter submitter, RoutedTracker tracker, long startNanos) {
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
        String line = String.format("  %4d s  sent %d/%d  accepted %d  routed %d  failed %d", elapsed,
                submitter.sent(), options.appeals(), submitter.accepted(), tracker.routedCount(), submitter.failed());
        // Overwrite one line on a terminal; a log file gets one line per second instead.
        console.print(System.console() != null ? "\r" + line : line + System.lineSeparator());
        console.flush();
    }

    private BenchReport report(Instant startedAt, long startNanos, OpenLoopSubmitter.Result submitted,
                               RoutedTracker.Snapshot routed, SystemCost.PerAppeal cost) {
        Map<String, Long> statuses = new TreeMap<>();
        long clientErrors = 0;
        long serverErrors = 0;
        for (Map.Entry<Integer, Long> entry : submitted.statuses().entrySet()) {
            statuses.put(entry.getKey().toString(), entry.getValue());
            if (entry.getKey() >= 400 && entry.getKey() < 500) {
                clientErrors += entry.getValue();
            } else if (entry.getKey() >= 500) {
                serverErrors += entry.getValue();
            }
        }
        double submitWindow = seconds(submitted.lastResponseNanos() - startNanos);
        BenchReport.Submit submit = new BenchReport.Submit(submitted.sent(), submitted.accepted(), statuses,
                clientErrors, serverErrors, submitted.errors(), round(submitWindow),
                perSecond(submitted.accepted(), submitWindow),
                TimeUnit.NANOSECONDS.toMicros(submitted.maxSendLagNanos()) / 1000.0,
                BenchReport.Latency.of(submitted.latencyMicros()), submitted.failureSamples());

        double routedWindow = routed.routed() == 0 ? 0 : seconds(routed.lastRoutedNanos() - startNanos);
        List<String> missing = routed.missingSample().stream().map(UUID::toString).toList();
        BenchReport.Routing routing = new BenchReport.Routing(routed.accepted(), routed.routed(),
                routed.needsTriage(), routed.missing(), missing, routed.duplicates(), round(routedWindow),
                perSecond(routed.routed(), routedWindow), BenchReport.Latency.of(routed.latencyMicros()));

        String verdict;
        if (routed.accepted() == 0) {
            verdict = "no appeal was accepted; see submit.failureSamples";
        } else if (routed.missing() > 0) {
            verdict = String.format("%d of %d accepted appeals not routed within %d s of the last response",
                    routed.missing(), routed.accepted(), options.timeout().toSeconds());
        } else {
            verdict = "all " + routed.accepted() + " accepted appeals routed";
        }
        boolean passed = routed.accepted() > 0 && routed.missing() == 0;
        return new BenchReport(BenchReport.NAME, startedAt.toString(), BenchReport.Machine.current(),
                BenchReport.Parameters.of(options), submit, routing, cost, passed, verdict);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double perSecond(long count, double seconds) {
        return seconds <= 0 ? 0 : round(count / seconds);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
