package org.studyloop.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.identity.token.Secrets;

/**
 * Single-use tokens sent by mail. Only a SHA-256 hash is stored, so a copy of the database does
 * not let anyone verify an address or reset a password.
 */
@Component
class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    EmailTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Issues a new token and returns it in clear, once, for the mail. */
    String issue(UUID accountId, Purpose purpose, Duration lifetime) {
        var token = Secrets.token();
        var now = clock.instant();
        jdbc.sql("""
                        insert into identity.email_token (id, account_id, purpose, token_hash, created_at, expires_at)
                        values (:id, :account, :purpose, :hash, :now, :expires)""")
                .param("id", Secrets.newId())
                .param("account", accountId)
                .param("purpose", purpose.name())
                .param("hash", Secrets.sha256(token))
                .param("now", java.sql.Timestamp.from(now))
                .param("expires", java.sql.Timestamp.from(now.plus(lifetime)))
                .update();
        return token;
    }

    /**
     * Uses up a token: the account it belongs to when it is valid, unused and unexpired. The
     * conditional update makes two concurrent uses of one token succeed at most once.
     */
    Optional<UUID> consume(String token, Purpose purpose) {
        var now = java.sql.Timestamp.from(clock.instant());
        return jdbc.sql("""
                        update identity.email_token set used_at = :now
                        where token_hash = :hash and purpose = :purpose and used_at is null and expires_at > :now
                        returning account_id""")
                .param("now", now)
                .param("hash", Secrets.sha256(token))
                .param("purpose", purpose.name())
                .query(UUID.class)
                .optional();
    }

    /** A newer token replaces the older ones of the same purpose. */
    void revokeAll(UUID accountId, Purpose purpose) {
        jdbc.sql("""
                        update identity.email_token set used_at = :now
                        where account_id = :account and purpose = :purpose and used_at is null""")
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("account", accountId)
                .param("purpose", purpose.name())
                .update();
    }
}
