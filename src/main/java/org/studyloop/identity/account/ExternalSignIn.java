package org.studyloop.identity.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in through an OpenID provider (a school's IdP, Google, Microsoft). A provider account is
 * linked to a StudyLoop account the first time, and only when both sides have verified the same
 * e-mail address: an unverified address at either end would let anyone claim someone else's
 * account (OpenID Connect Core §5.7: "email_verified"). No account is created this way.
 */
@Service
public class ExternalSignIn {

    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Audit audit;
    private final Clock clock;

    ExternalSignIn(Accounts accounts, JdbcClient jdbc, Audit audit, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Optional<Account> signIn(
            String provider, String subject, String email, boolean emailVerified, String clientAddress) {
        var linked = jdbc.sql("select account_id from identity.external_login where provider = :p and subject = :s")
                .param("p", provider)
                .param("s", subject)
                .query(UUID.class)
                .optional()
                .flatMap(accounts::findById);
        var account = linked.or(() -> link(provider, subject, email, emailVerified, clientAddress))
                .filter(Account::verified);
        account.ifPresentOrElse(
                a -> audit.record(
                        "identity.sign-in", a.id(), a.id(), clientAddress, Map.of("method", "oidc:" + provider)),
                () -> audit.record(
                        "identity.sign-in.failed",
                        null,
                        null,
                        clientAddress,
                        Map.of("method", "oidc:" + provider, "reason", "no-linkable-account")));
        return account;
    }

    private Optional<Account> link(
            String provider, String subject, String email, boolean emailVerified, String clientAddress) {
        if (!emailVerified || email.isBlank()) {
            return Optional.empty();
        }
        var account = accounts.findByEmail(Account.normalise(email)).filter(Account::verified);
        account.ifPresent(a -> {
            jdbc.sql("""
                            insert into identity.external_login (provider, subject, account_id, linked_at)
                            values (:p, :s, :a, :now)""")
                    .param("p", provider)
                    .param("s", subject)
                    .param("a", a.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            audit.record("identity.external-login.linked", a.id(), a.id(), clientAddress, Map.of("provider", provider));
        });
        return account;
    }
}
