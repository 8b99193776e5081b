package org.studyloop.identity.token;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Access tokens verified once, then taken from memory until they expire. Checking an ES256
 * signature on every request was the largest single cost of an answer (29 % of the CPU samples of
 * the answer loop, bench/README.md); a client sends the same token for up to its 15 minutes. A
 * cached token is as good as the decoder's verdict on it: valid until its {@code exp}, which no
 * cache entry outlives, and — as with any JWT — not revocable before then. Failures are never
 * cached, so a bad token is checked (and refused) every time.
 */
public final class VerifiedTokens implements JwtDecoder {

    /** Tokens kept at most: a few MiB, enough for the clients of one instance within 15 minutes. */
    static final int MAXIMUM = 20_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(MAXIMUM)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
                .build();
    }

    private Duration untilExpiry(Jwt jwt) {
        var expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        var left = Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        var cached = verified.getIfPresent(token);
        if (cached != null && isLive(cached, clock.instant())) {
            return cached;
        }
        var jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static boolean isLive(Jwt jwt, Instant now) {
        var expiresAt = jwt.getExpiresAt();
        return expiresAt != null && now.isBefore(expiresAt);
    }
}
