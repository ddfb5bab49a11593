package kz.appeals.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoutedTrackerTest {

    private static final long MS = 1_000_000;

    private final RoutedTracker tracker = new RoutedTracker();

    @Test
    void latencyRunsFromTheScheduledSendToTheEvent() {
        UUID appeal = UUID.randomUUID();
        tracker.accepted(appeal, 1_000 * MS);
        tracker.routed(appeal, false, 1_250 * MS);

        RoutedTracker.Snapshot snapshot = tracker.snapshot(20);
        assertEquals(1, snapshot.routed());
        assertEquals(0, snapshot.missing());
        assertEquals(250_000, snapshot.latencyMicros().getMaxValue(), 250);
        assertEquals(1_250 * MS, snapshot.lastRoutedNanos());
    }

    @Test
    void anEventReadBeforeItsResponseIsMatchedOnceTheAppealIsAccepted() {
        UUID appeal = UUID.randomUUID();
        tracker.routed(appeal, true, 1_040 * MS);
        assertEquals(0, tracker.routedCount(), "not known as ours yet");

        tracker.accepted(appeal, 1_000 * MS);

        RoutedTracker.Snapshot snapshot = tracker.snapshot(20);
        assertEquals(1, snapshot.routed());
        assertEquals(1, snapshot.needsTriage());
        assertEquals(40_000, snapshot.latencyMicros().getMaxValue(), 40);
    }

    @Test
    void aSecondEventForTheSameAppealIsADuplicateNotAnotherRouting() {
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        tracker.accepted(late, 0);
        tracker.routed(late, false, 10 * MS);
        tracker.routed(late, false, 11 * MS);
        tracker.routed(early, false, 5 * MS);
        tracker.routed(early, false, 6 * MS);
        tracker.accepted(early, 1 * MS);

        RoutedTracker.Snapshot snapshot = tracker.snapshot(20);
        assertEquals(2, snapshot.routed());
        assertEquals(2, snapshot.duplicates());
    }

    @Test
    void othersAppealsAreIgnoredAndOursWithoutAnEventAreMissingEarliestFirst() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        tracker.accepted(second, 20 * MS);
        tracker.accepted(first, 10 * MS);
        tracker.routed(UUID.randomUUID(), false, 30 * MS);
        tracker.routed(UUID.randomUUID(), false, 31 * MS);

        RoutedTracker.Snapshot snapshot = tracker.snapshot(1);
        assertEquals(2, snapshot.accepted());
        assertEquals(0, snapshot.routed());
        assertEquals(0, snapshot.duplicates());
        assertEquals(2, snapshot.missing());
        assertEquals(List.of(first), snapshot.missingSample());
        assertEquals(2, tracker.pending());
    }
}
