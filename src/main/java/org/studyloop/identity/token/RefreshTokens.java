package org.studyloop.identity.token;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.identity.IdentityProperties;

/**
 * Opaque refresh tokens, stored as hashes and rotated on every use. Each sign-in starts a family;
 * a token that was already exchanged and comes back means a copy is in someone else's hands, so
 * the whole family is revoked (RFC 9700 §4.14.2, refresh token rotation).
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a presented refresh token turned out to be. */
    public sealed interface Exchange {
        /** Valid: it is now used, and the caller issues its successor in the same family. */
        record Valid(UUID accountId, UUID familyId, boolean mfa) implements Exchange {}

        /** Already used or revoked: the family is revoked now. */
        record Reused(UUID accountId, UUID familyId) implements Exchange {}

        /** Unknown or expired. */
        record Invalid() implements Exchange {}
    }

    public String start(UUID accountId, boolean mfa) {
        return issue(accountId, Secrets.newId(), mfa);
    }

    public String issue(UUID accountId, UUID familyId, boolean mfa) {
        var token = Secrets.token();
        var now = clock.instant();
        jdbc.sql("""
                        insert into identity.refresh_token
                            (id, family_id, account_id, token_hash, mfa, issued_at, expires_at)
                        values (:id, :family, :account, :hash, :mfa, :now, :expires)""")
                .param("id", Secrets.newId())
                .param("family", familyId)
                .param("account", accountId)
                .param("hash", Secrets.sha256(token))
                .param("mfa", mfa)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(properties.refreshTokenLifetime())))
                .update();
        return token;
    }

    /**
     * Marks the token used, atomically: of two concurrent exchanges of one token only one finds it
     * unused; the other is treated as reuse.
     */
    public Exchange exchange(String token) {
        var now = Timestamp.from(clock.instant());
        var hash = Secrets.sha256(token);
        var valid = jdbc.sql("""
                        update identity.refresh_token set used_at = :now
                        where token_hash = :hash and used_at is null and revoked_at is null and expires_at > :now
                        returning account_id, family_id, mfa""")
                .param("now", now)
                .param("hash", hash)
                .query((rs, n) ->
                        new Exchange.Valid(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3)))
                .optional();
        if (valid.isPresent()) {
            return valid.get();
        }
        Optional<Exchange> reused = jdbc.sql("""
                        select account_id, family_id from identity.refresh_token
                        where token_hash = :hash and (used_at is not null or revoked_at is not null)""")
                .param("hash", hash)
                .query((rs, n) ->
                        (Exchange) new Exchange.Reused(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
        reused.ifPresent(r -> revokeFamily(((Exchange.Reused) r).familyId()));
        return reused.orElseGet(Exchange.Invalid::new);
    }

    public void revokeFamily(UUID familyId) {
        jdbc.sql("update identity.refresh_token set revoked_at = :now where family_id = :family and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("family", familyId)
                .update();
    }

    /** Logout: revokes the family of the token, whatever state the token is in. */
    public Optional<UUID> revokeFamilyOf(String token) {
        var family = jdbc.sql("select family_id from identity.refresh_token where token_hash = :hash")
                .param("hash", Secrets.sha256(token))
                .query(UUID.class)
                .optional();
        family.ifPresent(this::revokeFamily);
        return family;
    }

    /** A password change or reset ends every sign-in of the account. */
    public void revokeAll(UUID accountId) {
        jdbc.sql(
                        "update identity.refresh_token set revoked_at = :now where account_id = :account and revoked_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("account", accountId)
                .update();
    }
}
