package org.studyloop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.studyloop.identity.token.VerifiedTokens;
import org.studyloop.practice.MutableClock;

class VerifiedTokensTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();

    /** A decoder that accepts "good-…" tokens expiring in 15 minutes and refuses the rest. */
    private final JwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "ES256")
                .subject("someone")
                .issuedAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofMinutes(15)))
                .build();
    };

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() {
        var tokens = new VerifiedTokens(decoder, clock);
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("someone");
        clock.advance(Duration.ofMinutes(14));
        tokens.decode("good-1");
        assertThat(verifications).hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        tokens.decode("good-1");
        assertThat(verifications).as("expired in the cache: verified again").hasValue(2);
    }

    @Test
    void aBadTokenIsRefusedEveryTime() {
        var tokens = new VerifiedTokens(decoder, clock);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
