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

    public RequestGuards(IntakeConfig config, Caller caller) {
        this.limits = config.limits();
        this.caller = caller;
    }

    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limits.maxBodyBytes()) {
            throw new WebApplicationException("A request body may have at most " + limits.maxBodyBytes() + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
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
        if (wait.isZero()) {
            wait = caller.citizenIin().map(iin -> citizens.computeIfAbsent(iin,
                    key -> new TokenBucket(limits.citizenSubmissionsPerMinute(), Duration.ofMinutes(1), now))
                    .take(now)).orElse(Duration.ZERO);
        }
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
    }
}
