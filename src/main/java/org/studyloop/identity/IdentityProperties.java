package org.studyloop.identity;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module under {@code studyloop.identity}.
 *
 * @param publicUrl the address people open StudyLoop at; links in mails point there
 * @param accessTokenLifetime at most 15 minutes: access tokens cannot be revoked
 * @param refreshTokenLifetime how long a sign-in lasts without activity
 * @param jwtKeys a JWK set (JSON) with private keys; the first signs, all verify. Empty: StudyLoop
 *     generates a key and keeps it in the database
 * @param limits rate limits and lock-out
 */
@ConfigurationProperties("studyloop.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8080") URI publicUrl,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue("24h") Duration verificationTokenLifetime,
        @DefaultValue("1h") Duration resetTokenLifetime,
        @DefaultValue("") String jwtKeys,
        @DefaultValue Limits limits) {

    /**
     * @param failedSignInsPerMinute failed sign-ins allowed per account per minute; the next gets 429
     * @param signInsPerIpPerMinute sign-in attempts per client address per minute
     * @param registrationsPerIpPerHour registrations per client address per hour
     * @param resetsPerIpPerHour password-reset requests per client address per hour
     * @param lockoutThreshold consecutive failed sign-ins after which the account is locked
     * @param lockoutBase the first lock's length; each further failure doubles it
     * @param lockoutMax the longest lock
     */
    public record Limits(
            @DefaultValue("10") int failedSignInsPerMinute,
            @DefaultValue("60") int signInsPerIpPerMinute,
            @DefaultValue("20") int registrationsPerIpPerHour,
            @DefaultValue("10") int resetsPerIpPerHour,
            @DefaultValue("10") int lockoutThreshold,
            @DefaultValue("1m") Duration lockoutBase,
            @DefaultValue("1h") Duration lockoutMax) {}
}
