package kz.appeals.bench.scenario;

import kz.appeals.bench.MachineState;
import kz.appeals.bench.OpenLoopSubmitter;
import kz.appeals.bench.RoutedTracker;
import kz.appeals.bench.TopicListener;
import kz.appeals.contracts.AppealEvents.Body;
import kz.appeals.contracts.AppealEvents.Routed;
import kz.appeals.contracts.ContractJson;
import kz.appeals.contracts.EventType;
import kz.appeals.contracts.Topics;
import kz.appeals.testing.SampleCitizens;
import kz.appeals.testing.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.security.PrivateKey;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One scenario against the running system: submits open loop, and (unless intake-only) follows each accepted appeal
 * through routing, the simulated office and applicant, or the lapse and escalation of an ignored one, to its end.
 * Every stage's latency goes to the {@link IntervalRecorder}; a sampler closes an interval and redraws the progress
 * every second.
 */
final class ScenarioRun {

    /** Where an appeal of the run ended; {@code PENDING} ones had not ended when the wait ran out. */
    enum End { PENDING, TRIAGED, ANSWERED, RATED, ESCALATED, NO_OFFICE_ROLE, FAILED }

    static final List<String> INTAKE_STAGES = List.of("submit");
    static final List<String> PIPELINE_STAGES = List.of("submit", "routed", "acknowledge", "extend", "answer", "rate",
            "answered", "escalated");
    private static final int FAILURE_SAMPLES = 10;
    private static final int PENDING_SAMPLES = 20;

    /** An accepted appeal on its way. */
    private static final class Journey {
        final UUID id;
        final AppealMix.Plan plan;
        final String applicantRef;
        final long dueNanos;
        volatile End end = End.PENDING;
        volatile String where = "submitted";
        volatile long lapseCommittedNanos;

        Journey(UUID id, AppealMix.Plan plan, String applicantRef, long dueNanos) {
            this.id = id;
            this.plan = plan;
            this.applicantRef = applicantRef;
            this.dueNanos = dueNanos;
        }
    }

    /** What the run came to, for the report. */
    record Outcome(OpenLoopSubmitter.Result submitted, long startNanos, RoutedTracker.Snapshot routed,
                   Map<End, Long> ends, long accepted, List<String> failureSamples, List<String> pendingSample,
                   long notYetInResponse, long busyRetries, long extended, long lapsesCommitted, long lastAnsweredNanos,
                   long answeredCount, String listenerFailure) {
    }

    private final ScenarioOptions options;
    private final AppealMix mix;
    private final PrivateKey key;
    private final PrintStream console;
    private final IntervalRecorder recorder;
    private final Map<UUID, Journey> journeys = new ConcurrentHashMap<>();
    private final Map<UUID, Body> routedBodies = new ConcurrentHashMap<>();
    /** Accepted ids go to the .appeals file as they come: a 10-million run need not hold them all. */
    private Writer acceptedIds;
    private final AtomicLong acceptedCount = new AtomicLong();
    private final ConcurrentLinkedQueue<Journey> toLapse = new ConcurrentLinkedQueue<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicLong ended = new AtomicLong();
    private final Map<End, LongAdder> endCounts = new EnumMap<>(End.class);
    private final AtomicLong lapsesCommitted = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final LongAccumulator lastAnsweredNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);
    private final RoutedTracker tracker;
    private final ExecutorService offices;
    private final OfficeSimulator simulator;

    ScenarioRun(ScenarioOptions options, AppealMix mix, PrivateKey key, PrintStream console) {
        this.options = options;
        this.mix = mix;
        this.key = key;
        this.console = console;
        this.recorder = new IntervalRecorder(options.followsPipeline() ? PIPELINE_STAGES : INTAKE_STAGES);
        this.tracker = new RoutedTracker(this::routed);
        this.offices = Executors.newFixedThreadPool(options.offices(), runnable -> {
            Thread thread = new Thread(runnable, "office");
            thread.setDaemon(true);
            return thread;
        });
        this.simulator = new OfficeSimulator(options.response(), key, recorder);
        for (End end : End.values()) {
            endCounts.put(end, new LongAdder());
        }
    }

    IntervalRecorder recorder() {
        return recorder;
    }

    Outcome run() throws InterruptedException, IOException {
        Path idsFile = options.beside(".appeals").toAbsolutePath();
        Files.createDirectories(idsFile.getParent());
        acceptedIds = Files.newBufferedWriter(idsFile, StandardCharsets.UTF_8);
        String frontend = Tokens.build("frontend", null, "bench-scenario", key);
        OpenLoopSubmitter submitter = new OpenLoopSubmitter(
                new OpenLoopSubmitter.Load(options.appeals(), options.ratePerSecond(), options.concurrency(),
                        options.intake()), frontend, this::body, new OpenLoopSubmitter.Events() {
            @Override
            public void accepted(UUID appealId, String applicantRef, int index, long dueNanos) {
                ScenarioRun.this.accepted(appealId, applicantRef, index, dueNanos);
            }

            @Override
            public void responded(int status, long latencyMicros) {
                if (status == 201) {
                    recorder.record("submit", latencyMicros);
                }
            }
        });
        TopicListener routing = null;
        TopicListener escalation = null;
        ScheduledExecutorService background = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "scenario-background");
            thread.setDaemon(true);
            return thread;
        });
        Progress progress = new Progress(console, Progress.stderrIsTerminal());
        long startNanos;
        OpenLoopSubmitter.Result submitted;
        String listenerFailure = null;
        try {
            if (options.followsPipeline()) {
                routing = TopicListener.start(options.kafka(), Topics.ROUTING,
                        Set.of(EventType.ROUTED.wireName(), EventType.NEEDS_TRIAGE.wireName()), "bench-scenario-routing",
                        this::routingEvent);
                escalation = TopicListener.start(options.kafka(), Topics.ESCALATION,
                        Set.of(EventType.ESCALATED.wireName()), "bench-scenario-escalation", this::escalated);
            }
            startNanos = System.nanoTime();
            long start = startNanos;
            background.scheduleAtFixedRate(() -> sample(submitter, progress, start), 1, 1, TimeUnit.SECONDS);
            if (options.followsPipeline() && options.lapseIgnored()) {
                background.scheduleWithFixedDelay(this::lapseIgnored, 1, 1, TimeUnit.SECONDS);
            }
            submitted = submitter.run(startNanos);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (options.followsPipeline() && ended.get() < acceptedCount.get() && System.nanoTime() < deadline) {
                if (routing.failure() != null || escalation.failure() != null) {
                    listenerFailure = (routing.failure() != null ? routing.failure() : escalation.failure()).getMessage();
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        } finally {
            background.shutdownNow();
            background.awaitTermination(5, TimeUnit.SECONDS);
            offices.shutdownNow();
            if (routing != null) {
                routing.close();
            }
            if (escalation != null) {
                escalation.close();
            }
            synchronized (acceptedIds) {
                acceptedIds.close();
            }
        }
        sample(submitter, progress, startNanos);
        progress.finish();
        Map<End, Long> ends = new EnumMap<>(End.class);
        for (End end : End.values()) {
            ends.put(end, count(end));
        }
        // Ended journeys have left the map: what is left never ended.
        ends.put(End.PENDING, (long) journeys.size());
        List<String> pending = new ArrayList<>();
        for (Journey journey : journeys.values()) {
            if (pending.size() < PENDING_SAMPLES) {
                pending.add(journey.id + " " + journey.plan.behaviour() + ", last seen: " + journey.where);
            }
        }
        List<String> failureSamples;
        synchronized (failures) {
            failureSamples = List.copyOf(failures);
        }
        return new Outcome(submitted, startNanos, tracker.snapshot(PENDING_SAMPLES), ends, acceptedCount.get(),
                failureSamples, pending, simulator.notYetThere.sum(), simulator.busyRetries.sum(), simulator.extended.sum(), lapsesCommitted.get(),
                lastAnsweredNanos.get(), answered.get(), listenerFailure);
    }

    private String body(int index) {
        AppealMix.Plan plan = mix.plan(index);
        return SampleCitizens.appealJson(plan.settlementKato(), SampleCitizens.randomIin(), plan.category().code(),
                plan.category().attributesJson());
    }

    private void accepted(UUID appealId, String applicantRef, int index, long dueNanos) {
        try {
            synchronized (acceptedIds) {
                acceptedIds.write(appealId + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the accepted appeal ids", e);
        }
        if (options.followsPipeline()) {
            // The journey exists before the tracker can pair it with its routed event (which calls routed below).
            journeys.put(appealId, new Journey(appealId, mix.plan(index), applicantRef, dueNanos));
            tracker.accepted(appealId, dueNanos);
        }
        // Counted after the journey exists, so that the end of the run never waits for one it cannot see.
        acceptedCount.incrementAndGet();
    }

    /** Kafka listener thread: keep the routed body (for the office token), then let the tracker pair the event. */
    private void routingEvent(UUID appealId, String type, long receivedNanos, byte[] value) {
        boolean triage = EventType.NEEDS_TRIAGE.wireName().equals(type);
        if (!triage) {
            try {
                routedBodies.put(appealId, ContractJson.mapper().readValue(value, Routed.class).body());
            } catch (IOException e) {
                fail(null, "routed", 0, "unreadable routed event of " + appealId + ": " + e.getMessage());
            }
        }
        tracker.routed(appealId, triage, receivedNanos);
    }

    /** From the tracker, under its lock: the first event of an appeal of this run. */
    private void routed(UUID appealId, boolean triage, long scheduledNanos, long receivedNanos) {
        recorder.record("routed", TimeUnit.NANOSECONDS.toMicros(receivedNanos - scheduledNanos));
        Journey journey = journeys.get(appealId);
        if (journey == null) {
            return;
        }
        if (triage) {
            end(journey, End.TRIAGED);
            return;
        }
        Body body = routedBodies.remove(appealId);
        if (body == null) {
            fail(journey, "routed", 0, "routed event without a readable body");
            return;
        }
        journey.where = "routed to " + body.code();
        if (journey.plan.behaviour() == OfficeMix.Behaviour.IGNORED) {
            if (options.lapseIgnored()) {
                toLapse.add(journey);
            } else {
                // Without the lapse nothing more happens to it in this run: it ends as routed and ignored.
                end(journey, End.NO_OFFICE_ROLE);
            }
            return;
        }
        long deadline = receivedNanos + options.timeout().toNanos();
        offices.execute(() -> office(journey, body, deadline));
    }

    private void office(Journey journey, Body body, long deadline) {
        try {
            journey.where = "office acting";
            OfficeSimulator.Outcome outcome = simulator.act(journey.id, body, journey.plan, journey.applicantRef,
                    journey.dueNanos, deadline, failure -> fail(journey, failure.stage(), failure.status(),
                            failure.detail()));
            switch (outcome) {
                case ANSWERED, RATED -> {
                    answered.incrementAndGet();
                    lastAnsweredNanos.accumulate(System.nanoTime());
                    end(journey, outcome == OfficeSimulator.Outcome.RATED ? End.RATED : End.ANSWERED);
                }
                case NO_OFFICE_ROLE -> end(journey, End.NO_OFFICE_ROLE);
                case FAILED -> {
                    // fail() has ended it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            fail(journey, "office", 0, e.toString());
        }
    }

    /**
     * Compresses the law's clock for ignored appeals: their deadline in escalation's table gets a term that began 40
     * days ago and a due date 10 days ago, as the escalation-sweep benchmark does, so that the service's own sweeper
     * lapses and escalates them on its next run. Only once the appeal is in the office's inbox (response holds it)
     * and escalation has filled in its deadline: an office ignores what it has, and a lapse before response has read
     * the routed event is an order that 15 working days never produce (it races response's two consumers, see
     * docs/benchmarks.md). The others are tried again a second later.
     */
    private void lapseIgnored() {
        List<Journey> due = new ArrayList<>();
        Journey next;
        while ((next = toLapse.poll()) != null) {
            due.add(next);
        }
        if (due.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(5));
        Map<UUID, Journey> byId = new ConcurrentHashMap<>();
        due.forEach(journey -> byId.put(journey.id, journey));
        try (Connection db = DriverManager.getConnection(options.pg(), options.pgUser(), options.pgPassword())) {
            db.setAutoCommit(false);
            try (PreparedStatement update = db.prepareStatement("""
                    update escalation.deadline
                       set registration_day = ?, term_start = ?, due_date = ?, wake_on = ?
                     where appeal_id = any(?) and status = 'RUNNING' and escalation_step = 0
                       and body_code is not null and due_date is not null
                       and exists (select 1 from response.appeal r where r.appeal_id = deadline.appeal_id)
                    returning appeal_id""")) {
                update.setObject(1, today.minusDays(40));
                update.setObject(2, today.minusDays(40));
                update.setObject(3, today.minusDays(10));
                update.setObject(4, today.minusDays(9));
                Array ids = db.createArrayOf("uuid", byId.keySet().toArray());
                update.setArray(5, ids);
                List<Journey> lapsed = new ArrayList<>();
                try (ResultSet rows = update.executeQuery()) {
                    while (rows.next()) {
                        lapsed.add(byId.remove(UUID.fromString(rows.getString(1))));
                    }
                }
                // Marked before the commit: the sweeper cannot see (and escalate) them any earlier.
                long now = System.nanoTime();
                for (Journey journey : lapsed) {
                    journey.lapseCommittedNanos = now;
                    journey.where = "term lapsed, waiting for the sweeper";
                }
                db.commit();
                lapsesCommitted.addAndGet(lapsed.size());
            }
        } catch (SQLException e) {
            synchronized (failures) {
                if (failures.size() < FAILURE_SAMPLES) {
                    failures.add("lapse: " + e.getMessage());
                }
            }
        }
        toLapse.addAll(byId.values());
    }

    private void escalated(UUID appealId, String type, long receivedNanos, byte[] value) {
        Journey journey = journeys.get(appealId);
        if (journey == null || journey.lapseCommittedNanos == 0 || journey.end != End.PENDING) {
            return;
        }
        recorder.record("escalated", TimeUnit.NANOSECONDS.toMicros(receivedNanos - journey.lapseCommittedNanos));
        end(journey, End.ESCALATED);
    }

    private void end(Journey journey, End end) {
        synchronized (journey) {
            if (journey.end != End.PENDING) {
                return;
            }
            journey.end = end;
            journey.where = end.name().toLowerCase(Locale.ROOT);
        }
        journeys.remove(journey.id);
        endCounts.get(end).increment();
        ended.incrementAndGet();
    }

    private void fail(Journey journey, String stage, int status, String detail) {
        synchronized (failures) {
            if (failures.size() < FAILURE_SAMPLES) {
                failures.add(stage + " " + (status == 0 ? "" : status + " ") + (journey == null ? "" : journey.id + ": ")
                        + detail);
            }
        }
        if (journey != null) {
            end(journey, End.FAILED);
        }
    }

    private void sample(OpenLoopSubmitter submitter, Progress progress, long startNanos) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        int second = (int) Math.round(elapsed);
        List<Double> load = MachineState.currentLoadAverage();
        recorder.tick(elapsed, load.isEmpty() ? -1 : load.get(0));
        String detail = options.followsPipeline()
                ? String.format(Locale.ROOT, "%4d s  sent %d  accepted %d  routed %d  answered %d  escalated %d  "
                        + "ended %d  failed %d  load %s", second, submitter.sent(), submitter.accepted(),
                tracker.routedCount(), answered.get(), count(End.ESCALATED), ended.get(),
                submitter.failed() + count(End.FAILED), load.isEmpty() ? "?" : load.get(0))
                : String.format(Locale.ROOT, "%4d s  sent %d  accepted %d  failed %d  load %s", second,
                submitter.sent(), submitter.accepted(), submitter.failed(), load.isEmpty() ? "?" : load.get(0));
        long done = options.followsPipeline() ? ended.get() : submitter.sent();
        progress.update(done, options.appeals(), detail);
    }

    private long count(End end) {
        return endCounts.get(end).sum();
    }
}
