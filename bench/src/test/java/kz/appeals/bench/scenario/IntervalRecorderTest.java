package kz.appeals.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IntervalRecorderTest {

    @Test
    void eachIntervalHoldsOnlyWhatWasRecordedSinceTheLastTick() {
        IntervalRecorder recorder = new IntervalRecorder(List.of("submit", "routed"));
        for (int i = 1; i <= 100; i++) {
            recorder.record("submit", i * 1000L); // 1..100 ms
        }
        recorder.record("routed", 250_000);
        IntervalRecorder.Interval first = recorder.tick(1, 2.5);

        assertEquals(1.0, first.second());
        assertEquals(1.0, first.lengthSeconds());
        assertEquals(100.0, first.perSecond("submit"));
        assertEquals(2.5, first.loadAverage());
        assertEquals(100, first.stages().get("submit").count());
        assertEquals(50.0, first.stages().get("submit").p50Ms(), 0.1);
        assertEquals(90.0, first.stages().get("submit").p90Ms(), 0.1);
        assertEquals(99.0, first.stages().get("submit").p99Ms(), 0.1);
        assertEquals(100.0, first.stages().get("submit").maxMs(), 0.1);
        assertEquals(1, first.stages().get("routed").count());

        recorder.record("submit", 5_000_000); // 5 s, only in the second interval
        IntervalRecorder.Interval second = recorder.tick(1.5, 2.0);
        assertEquals(0.5, second.lengthSeconds());
        assertEquals(1, second.stages().get("submit").count());
        assertEquals(2.0, second.perSecond("submit"), "one in half a second");
        assertEquals(5000.0, second.stages().get("submit").p50Ms(), 5.0);
        assertEquals(0, second.stages().get("routed").count());
        assertEquals(0.0, second.stages().get("routed").p99Ms());

        assertEquals(List.of(first, second), recorder.intervals());
        assertEquals(101, recorder.total("submit").getTotalCount());
        assertEquals(1, recorder.total("routed").getTotalCount());
    }

    @Test
    void nothingRecordedAfterTheLastTickIsInTheTotals() {
        IntervalRecorder recorder = new IntervalRecorder(List.of("submit"));
        recorder.record("submit", 1000);
        recorder.tick(1, -1);
        recorder.record("submit", 2000);
        assertEquals(1, recorder.total("submit").getTotalCount());
        recorder.tick(2, -1);
        assertEquals(2, recorder.total("submit").getTotalCount());
    }

    @Test
    void recordsFromManyThreadsAreAllCounted() throws InterruptedException {
        IntervalRecorder recorder = new IntervalRecorder(List.of("answer"));
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    recorder.record("answer", i);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(40_000, recorder.tick(1, 0).stages().get("answer").count());
    }

    @Test
    void refusesUnknownOrRepeatedStages() {
        IntervalRecorder recorder = new IntervalRecorder(List.of("submit"));
        assertThrows(IllegalArgumentException.class, () -> recorder.record("rate", 1));
        assertThrows(IllegalArgumentException.class, () -> new IntervalRecorder(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new IntervalRecorder(List.of()));
    }
}
