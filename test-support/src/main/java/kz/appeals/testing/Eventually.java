package kz.appeals.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Retries an assertion until it holds: consumers, relays and sweepers work asynchronously. */
public final class Eventually {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    public static <T> T eventually(Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            try {
                return attempt.get();
            } catch (AssertionError | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                pause();
            }
        }
    }

    public static void eventually(Runnable assertion) {
        eventually(() -> {
            assertion.run();
            return null;
        });
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Eventually() {
    }
}
