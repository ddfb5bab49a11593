package kz.appeals.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until the asynchronous consumers have caught up, since nothing signals it. */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not within " + TIMEOUT + ": " + what + " (last seen: " + last + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + what, e);
            }
            last = read.get();
        }
        return last;
    }

    private Eventually() {
    }
}
