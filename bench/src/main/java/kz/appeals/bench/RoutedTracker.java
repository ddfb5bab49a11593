package kz.appeals.bench;

import org.HdrHistogram.Histogram;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Pairs routing's events with the appeals this run had accepted. Thread-safe: HTTP callbacks report acceptances,
 * the Kafka listener reports events. An event may be read before its 201 has been processed here (the outbox can
 * relay it while the response is still on its way), so an event of an unknown appeal is kept until the appeal is
 * accepted; events of other clients' appeals simply stay unclaimed.
 */
public final class RoutedTracker {

    /** Told of each appeal of this run once, when its first event is paired with its acceptance. */
    @FunctionalInterface
    public interface Listener {
        /** Called while the tracker is locked: hand the work on, do not block. */
        void routed(UUID appealId, boolean triage, long scheduledNanos, long receivedNanos);
    }

    /** Event of an appeal not (yet) known as ours: when it was read, and how many such events came. */
    private record Unclaimed(long receivedNanos, boolean triage, int events) {
    }

    private final Listener listener;
    private final Map<UUID, Long> awaiting = new HashMap<>();
    private final Map<UUID, Unclaimed> unclaimed = new HashMap<>();
    private final Set<UUID> routed = new HashSet<>();
    /** Submit to routed, in microseconds, measured from each appeal's scheduled send time. */
    private final Histogram latency = new Histogram(3);
    private long accepted;
    private long needsTriage;
    private long duplicates;
    /** System.nanoTime() may be negative, so "none yet" cannot be 0. */
    private long lastRoutedNanos = Long.MIN_VALUE;

    public RoutedTracker() {
        this((appealId, triage, scheduledNanos, receivedNanos) -> {
        });
    }

    public RoutedTracker(Listener listener) {
        this.listener = listener;
    }

    /** One snapshot of the counts, consistent with each other. */
    public record Snapshot(long accepted, long routed, long needsTriage, long duplicates, long missing,
                    List<UUID> missingSample, Histogram latencyMicros, long lastRoutedNanos) {
    }

    public synchronized void accepted(UUID appealId, long scheduledNanos) {
        accepted++;
        Unclaimed early = unclaimed.remove(appealId);
        if (early == null) {
            awaiting.put(appealId, scheduledNanos);
        } else {
            duplicates += early.events() - 1;
            record(appealId, scheduledNanos, early.receivedNanos(), early.triage());
        }
    }

    /** @param triage the event is NEEDS_TRIAGE (no rule chose a body) rather than ROUTED */
    public synchronized void routed(UUID appealId, boolean triage, long receivedNanos) {
        Long scheduled = awaiting.remove(appealId);
        if (scheduled != null) {
            record(appealId, scheduled, receivedNanos, triage);
        } else if (routed.contains(appealId)) {
            duplicates++;
        } else {
            unclaimed.merge(appealId, new Unclaimed(receivedNanos, triage, 1),
                    (first, again) -> new Unclaimed(first.receivedNanos(), first.triage(), first.events() + 1));
        }
    }

    private void record(UUID appealId, long scheduledNanos, long receivedNanos, boolean triage) {
        routed.add(appealId);
        if (triage) {
            needsTriage++;
        }
        latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(receivedNanos - scheduledNanos)));
        lastRoutedNanos = Math.max(lastRoutedNanos, receivedNanos);
        listener.routed(appealId, triage, scheduledNanos, receivedNanos);
    }

    public synchronized long pending() {
        return awaiting.size();
    }

    public synchronized long routedCount() {
        return routed.size();
    }

    /** @param sampleSize how many missing appeals to name, earliest scheduled first */
    public synchronized Snapshot snapshot(int sampleSize) {
        List<UUID> sample = awaiting.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .limit(sampleSize).map(Map.Entry::getKey).toList();
        return new Snapshot(accepted, routed.size(), needsTriage, duplicates, awaiting.size(), sample,
                latency.copy(), lastRoutedNanos);
    }
}
