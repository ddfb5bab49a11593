package kz.appeals.intake.api;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.domain.TokenBucket;
import kz.appeals.platform.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front door's limits: an oversized body is refused before it is read (413), and a party submitting faster
 * than allowed gets 429 with Retry-After. Limits are per instance: behind N replicas a party may reach N times
 * the rate, which still stops a flood from one client.
 */
@ApplicationScoped
public class RequestGuards {

    private static final Duration FORGET_IDLE = Duration.ofMinutes(5);

    private final IntakeConfig.Limits limits;
    private final Caller caller;
    private final Map<String, TokenBucket> citizens = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> clients = new ConcurrentHashMap<>();
    /** "iin key" of submissions already counted, with when: a retry of one is not another submission. */
    private final Map<String, Long> countedKeys = new ConcurrentHashMap<>();

    public RequestGuards(IntakeConfig config, Caller caller) {
        this.limits = config.limits();
        this.caller = caller;
    }

    /**
     * A declared length over the limit is refused unread; a body without one (chunked) is read through a counter
     * that refuses it the moment it passes the limit, so the two ways of sending the same body get the same answer.
     */
    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            request.setEntityStream(new BoundedBody(request.getEntityStream(), limits.maxBodyBytes()));
        } else if (length.matches("\\d{1,18}") && Long.parseLong(length) > limits.maxBodyBytes()) {
            throw tooLarge(limits.maxBodyBytes());
        }
    }

    private static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException("A request body may have at most " + limit + " bytes",
                Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }

    /** Reads a body of undeclared length, refusing it with 413 once more than {@code limit} bytes came. */
    private static final class BoundedBody extends FilterInputStream {

        private final long limit;
        private long read;

        BoundedBody(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }

    @ServerRequestFilter
    public void limitSubmissionRate(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || caller.isAnonymous()) {
            return;
        }
        long now = System.nanoTime();
        Duration wait = clients.computeIfAbsent(caller.accountRef(),
                key -> new TokenBucket(limits.clientSubmissionsPerSecond(), Duration.ofSeconds(1), now)).take(now);
        refuseIfWaiting(wait);
    }

    /**
     * The per-citizen limit, once the body is read: counted by the applicant's IIN (else the token's iin claim), so
     * a front end filing for many citizens without the claim, or one citizen's appeals sent under several tokens,
     * meet the same limit. A retry with an Idempotency-Key already counted for that citizen is not counted again.
     */
    public void limitCitizen(String applicantIin, String idempotencyKey) {
        String iin = applicantIin != null ? applicantIin : caller.citizenIin().orElse(null);
        if (iin == null) {
            return;
        }
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
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            throw new WebApplicationException("Too many submissions; retry after " + seconds + " s",
                    Response.status(Response.Status.TOO_MANY_REQUESTS).header("Retry-After", seconds).build());
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
