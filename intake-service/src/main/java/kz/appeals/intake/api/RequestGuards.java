package kz.appeals.intake.api;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import kz.appeals.intake.config.IntakeConfig;
import kz.appeals.intake.service.SubmissionLimits;
import kz.appeals.platform.security.Caller;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The front door's limits: an oversized body is refused before it is read (413), and a party submitting faster
 * than {@link SubmissionLimits} allows gets 429 with Retry-After.
 */
@ApplicationScoped
public class RequestGuards {

    private final long maxBodyBytes;
    private final SubmissionLimits limits;
    private final Caller caller;

    public RequestGuards(IntakeConfig config, SubmissionLimits limits, Caller caller) {
        this.maxBodyBytes = config.limits().maxBodyBytes();
        this.limits = limits;
        this.caller = caller;
    }

    /** A declared length over the limit is refused unread. */
    @ServerRequestFilter(preMatching = true)
    public void rejectOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
    }

    /**
     * A body without a declared length (chunked) is read through a counter that refuses it the moment it passes the
     * limit, so the two ways of sending the same body get the same answer. Here for the endpoints that read their
     * body on a worker thread, where waiting for it is allowed.
     */
    @ServerRequestFilter
    public void boundUndeclaredBody(ContainerRequestContext request) {
        if (BlockingOperationControl.isBlockingAllowed() && isUndeclared(request)) {
            request.setEntityStream(new BoundedBody(request.getEntityStream(), maxBodyBytes));
        }
    }

    /**
     * The same for an endpoint that runs on the event loop ({@link ReadsBodyOnEventLoop}): counted once the first
     * buffer of the body is read, in memory for a body that fits it, on a worker thread for the rest of a larger one.
     */
    @ServerRequestFilter(readBody = true)
    @ReadsBodyOnEventLoop
    public void boundUndeclaredBodyReadFirst(ContainerRequestContext request) {
        if (isUndeclared(request)) {
            request.setEntityStream(new BoundedBody(request.getEntityStream(), maxBodyBytes));
        }
    }

    private static boolean isUndeclared(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null && request.hasEntity();
    }

    /** Marks a non-blocking endpoint whose body the read-first counter checks. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    public @interface ReadsBodyOnEventLoop {
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
        if ("POST".equals(request.getMethod()) && !caller.isAnonymous()) {
            limits.limitClient(caller.accountRef());
        }
    }

    /**
     * The per-citizen limit, once the body is read: by the applicant's IIN, else the token's iin claim (see
     * {@link SubmissionLimits#limitCitizen}).
     */
    public void limitCitizen(String applicantIin, String idempotencyKey) {
        String iin = applicantIin != null ? applicantIin : caller.citizenIin().orElse(null);
        if (iin != null) {
            limits.limitCitizen(iin, idempotencyKey);
        }
    }
}
