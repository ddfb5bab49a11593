package kz.appeals.intake.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.TokenBucket;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast a party may submit, whatever the channel: a client (a front end's account, an Open311 API key) and a
 * citizen (by the applicant's IIN). Limits are per instance: behind N replicas a party may reach N times the rate,
 * which still stops a flood from one client.
 */
@ApplicationScoped
public class SubmissionLimits {

    private static final Duration FORGET_IDLE = Duration.ofMinutes(5);

    /** The party must wait this long before its next submission is taken. */
    public static final class RateExceeded extends RuntimeException {

        private final long retryAfterSeconds;

        RateExceeded(long retryAfterSeconds) {
            super("Too many submissions; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final IntakeConfig.Limits limits;
    private final Map<String, TokenBucket> citizens = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();
    /** "iin key" of submissions already counted, with when: a retry of one is not another submission. */
    private final Map<String, Long> countedKeys = new ConcurrentHashMap<>();

    public SubmissionLimits(IntakeConfig config) {
        this.limits = config.limits();
    }

    /** @param client the account of a token, or the id of an Open311 API key */
    public void limitClient(String client) {
        long now = System.nanoTime();
        refuseIfWaiting(clients.computeIfAbsent(client,
                key -> new TokenBucket(limits.clientSubmissionsPerSecond(), Duration.ofSeconds(1), now)).take(now));
    }

    /**
     * Counted by the applicant's IIN, so a front end filing for many citizens, or one citizen's appeals sent under
     * several tokens or API keys, meet the same limit. A retry with an Idempotency-Key already counted for that
     * citizen is not counted again.
     *
     * @param idempotencyKey null where the channel has none (Open311)
     */
    public void limitCitizen(String iin, String idempotencyKey) {
        long now = System.nanoTime();
        String counted = idempotencyKey == null ? null : iin + " " + idempotencyKey;
        if (counted != null && countedKeys.containsKey(counted)) {
            return;
        }
        refuseIfWaiting(citizens.computeIfAbsent(iin,
                key -> new TokenBucket(limits.citizenSubmissionsPerMinute(), Duration.ofMinutes(1), now)).take(now));
        if (counted != null) {
            countedKeys.put(counted, now);
        }
    }

    private static void refuseIfWaiting(Duration wait) {
        if (!wait.isZero()) {
            throw new RateExceeded(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleParties() {
        long now = System.nanoTime();
        citizens.values().removeIf(bucket -> bucket.idleSince(now, FORGET_IDLE));
        clients.values().removeIf(bucket -> bucket.idleSince(now, FORGET_IDLE));
        countedKeys.values().removeIf(counted -> now - counted > FORGET_IDLE.toNanos());
    }
}
