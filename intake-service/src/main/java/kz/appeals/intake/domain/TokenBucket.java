package kz.appeals.intake.domain;

import java.time.Duration;

/**
 * A rate limit for one party: up to {@code capacity} requests at once, refilled at a steady rate. Time is passed in
 * (nanoseconds from any fixed origin) so the rule stays testable and free of clocks.
 */
public final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long updatedAt;

    public TokenBucket(int capacity, Duration refillPeriod, long now) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) refillPeriod.toNanos();
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** @return zero when the request may pass (and takes a token), else how long until one token is back */
    public synchronized Duration take(long now) {
        tokens = Math.min(capacity, tokens + (now - updatedAt) * tokensPerNano);
        updatedAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / tokensPerNano));
    }

    /** A bucket that has been full this long is no different from a new one and may be forgotten. */
    public synchronized boolean idleSince(long now, Duration idle) {
        return now - updatedAt > idle.toNanos() && tokens + (now - updatedAt) * tokensPerNano >= capacity;
    }
}
