package kz.appeals.platform.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Verifies a bearer token once and remembers the result until the token expires, at most {@link #REMEMBER_SECONDS}.
 * A front end sends the same token with request after request, and checking its RSA signature each time was a tenth
 * of intake's CPU per submission (bench intake --profile). Only tokens that passed every check (signature, issuer,
 * audience, expiry, and the {@link TokenLimits} on issue time and lifetime) are remembered, under their exact text,
 * so a forged or altered token is never served from here; the bound caps how long a token signed with a key since
 * withdrawn stays accepted.
 */
@Decorator
@Priority(1)
public abstract class VerifiedTokens implements JWTParser {

    static final long REMEMBER_SECONDS = 60;
    /** Beyond this many remembered tokens (a flood of distinct ones) the memory is emptied and starts again. */
    private static final int MOST_REMEMBERED = 10_000;

    private final JWTParser parser;
    private final TokenLimits limits;
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final Counter remembered;
    private final Counter checked;

    @Inject
    VerifiedTokens(@Delegate JWTParser parser, TokenLimits limits, MeterRegistry registry) {
        this.parser = parser;
        this.limits = limits;
        this.remembered = registry.counter("appeals.security.tokens", "verification", "remembered");
        this.checked = registry.counter("appeals.security.tokens", "verification", "checked");
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis() / 1000;
        Verified known = verified.get(token);
        if (known != null && now < known.validUntilEpochSecond()) {
            remembered.increment();
            return known.jwt();
        }
        JsonWebToken jwt = parser.parse(token);
        checkTimes(jwt, now);
        checked.increment();
        if (verified.size() >= MOST_REMEMBERED) {
            verified.clear();
        }
        verified.put(token, new Verified(jwt, Math.min(jwt.getExpirationTime(), now + REMEMBER_SECONDS)));
        return jwt;
    }

    private void checkTimes(JsonWebToken jwt, long now) throws ParseException {
        long issuedAt = jwt.getIssuedAtTime();
        if (issuedAt <= 0) {
            throw new ParseException("The token has no issue time (iat)");
        }
        if (issuedAt > now + limits.clockSkew().toSeconds()) {
            throw new ParseException("The token was issued in the future (iat " + issuedAt + ")");
        }
        if (jwt.getExpirationTime() - issuedAt > limits.maxLifetime().toSeconds()) {
            throw new ParseException("The token lives longer than " + limits.maxLifetime() + " (iat to exp)");
        }
    }

    private record Verified(JsonWebToken jwt, long validUntilEpochSecond) {
    }
}
