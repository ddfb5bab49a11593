package kz.appeals.analytics;

import io.restassured.response.ValidatableResponse;

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

    /**
     * A field of a read that must answer 200, or null while it does not: a territory is unknown (404) until the
     * first event that names it has been consumed.
     */
    public static <T> T whenOk(Supplier<ValidatableResponse> read, String path) {
        try {
            return read.get().extract().path(path);
        } catch (AssertionError notYet) {
            return null;
        }
    }

    private Eventually() {
    }
}
