package kz.appeals.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * What a bearer token's own times may claim beyond a valid signature: a token issued in the future, or one that
 * lives for a century, is a forged clock or a leaked signing key, not a session.
 */
@ConfigMapping(prefix = "appeals.tokens")
public interface TokenLimits {

    /** The longest time from issue (iat) to expiry (exp) accepted; `./appeals token` mints 12 h. */
    @WithDefault("PT24H")
    Duration maxLifetime();

    /** How far ahead of this server's clock a token's iat may be (clocks of issuer and server differ). */
    @WithDefault("PT60S")
    Duration clockSkew();
}
