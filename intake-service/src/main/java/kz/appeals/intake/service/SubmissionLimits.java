package kz.appeals.intake.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.TokenBucket;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast a party may submit, whatever the channel: a client (a front end's account, an Open311 API key) and a
 * citizen (by the applicant's IIN). Limits are per instance: behind N replicas a party may reach N times the rate,
 * which still stops a flood from one client.
 */
@ApplicationScoped
public class SubmissionLimits {

    private static final Duration FORGET_IDLE_CLIENT = Duration.ofMinutes(5);
    /**
     * A citizen's state is forgotten once their bucket has been full this long: at thousands of appeals a second
     * nearly every appeal is another citizen's, and state kept for five minutes filled the heap (about 300,000
     * buckets and as many counted keys, 105 MB live, after runs at 1,500-2,500 appeals/s), which every collection
     * then had to copy or scan.
     */
    private static final Duration FORGET_FULL_CITIZEN = Duration.ofSeconds(10);

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

    /** A citizen's bucket and the Idempotency-Keys already counted against it, forgotten together. */
    private static final class CitizenLimit {

        private final TokenBucket bucket;
        private final Set<String> countedKeys = new HashSet<>(2);

        CitizenLimit(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    private final IntakeConfig.Limits limits;
    private final Map<String, CitizenLimit> citizens = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();

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
     * citizen is not counted again while their bucket is not full (once it is, a retry costs a token it has).
     *
     * @param idempotencyKey null where the channel has none (Open311)
     */
    public void limitCitizen(String iin, String idempotencyKey) {
        long now = System.nanoTime();
        Duration[] wait = {Duration.ZERO};
        // in compute, so that the sweep cannot forget the citizen between the count and the token taken
        citizens.compute(iin, (key, limit) -> {
            CitizenLimit citizen = limit != null ? limit
                    : new CitizenLimit(new TokenBucket(limits.citizenSubmissionsPerMinute(), Duration.ofMinutes(1), now));
            if (idempotencyKey == null || !citizen.countedKeys.contains(idempotencyKey)) {
                wait[0] = citizen.bucket.take(now);
                if (wait[0].isZero() && idempotencyKey != null) {
                    citizen.countedKeys.add(idempotencyKey);
                }
            }
            return citizen;
        });
        refuseIfWaiting(wait[0]);
    }

    private static void refuseIfWaiting(Duration wait) {
        if (!wait.isZero()) {
            throw new RateExceeded(Math.max(1, (wait.toMillis() + 999) / 1000));
        }
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetIdleParties() {
        long now = System.nanoTime();
        citizens.keySet().forEach(iin -> citizens.computeIfPresent(iin,
                (key, citizen) -> citizen.bucket.idleSince(now, FORGET_FULL_CITIZEN) ? null : citizen));
        clients.values().removeIf(bucket -> bucket.idleSince(now, FORGET_IDLE_CLIENT));
    }
}
