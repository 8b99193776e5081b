package org.studyloop.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.IdentityProblems;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.UserId;
import org.studyloop.identity.token.RefreshTokens;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutgoingMail;
import org.studyloop.shared.ProblemException;

/**
 * Forgotten and changed passwords. A reset request answers the same whether or not the address
 * has an account (OWASP Forgot Password Cheat Sheet); a new password ends every sign-in of the
 * account, since whoever knew the old one may hold a refresh token.
 */
@Service
public class PasswordRecovery {

    private final Accounts accounts;
    private final Passwords passwords;
    private final EmailTokens tokens;
    private final RefreshTokens refreshTokens;
    private final Mailer mailer;
    private final Throttle throttle;
    private final Audit audit;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordRecovery(
            Accounts accounts,
            Passwords passwords,
            EmailTokens tokens,
            RefreshTokens refreshTokens,
            Mailer mailer,
            Throttle throttle,
            Audit audit,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.mailer = mailer;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void requestReset(String email, String clientAddress) {
        throttle.take(
                "reset:" + clientAddress,
                properties.limits().resetsPerIpPerHour(),
                Duration.ofHours(1),
                "Too many requests from your address.");
        var normalised = Account.normalise(email);
        accounts.findByEmail(normalised).ifPresent(account -> {
            try {
                // Three mails an hour per address at most: the address's owner is not spammed,
                // and the caller cannot tell from the answer.
                throttle.take("reset-account:" + account.id(), 3, Duration.ofHours(1), "");
            } catch (ProblemException tooMany) {
                return;
            }
            tokens.revokeAll(account.id(), EmailTokens.Purpose.RESET_PASSWORD);
            var lifetime = properties.resetTokenLifetime();
            var token = tokens.issue(account.id(), EmailTokens.Purpose.RESET_PASSWORD, lifetime);
            mailer.send(new OutgoingMail(
                    account.email(),
                    account.locale(),
                    "password-reset",
                    Map.of(
                            "name",
                            account.displayName(),
                            "link",
                            properties.publicUrl() + "/reset-password?token=" + token,
                            "token",
                            token,
                            "expiresHours",
                            Long.toString(Math.max(1, lifetime.toHours())))));
        });
    }

    /** Sets the new password; a weak one rolls back, so the link still works for a better one. */
    @Transactional
    public void confirmReset(String token, String newPassword, String clientAddress) {
        var account = tokens.consume(token, EmailTokens.Purpose.RESET_PASSWORD)
                .flatMap(accounts::findById)
                .orElseThrow(() -> new ProblemException(
                        IdentityProblems.INVALID_TOKEN, "Ask for a new password-reset mail and use its link."));
        passwords.check("newPassword", newPassword, context(account));
        account.changePassword(passwords.hash(newPassword), clock.instant());
        // Whoever holds the reset link holds the mailbox: the address is proven.
        account.verifyEmail(clock.instant());
        accounts.save(account);
        refreshTokens.revokeAll(account.id());
        audit.record("identity.password.reset", account.id(), account.id(), clientAddress, Map.of());
    }

    @Transactional
    public void change(UserId userId, String currentPassword, String newPassword, String clientAddress) {
        var account = accounts.findById(userId.value()).orElseThrow();
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            throw ProblemException.invalid("currentPassword", "is not your current password");
        }
        passwords.check("newPassword", newPassword, context(account));
        account.changePassword(passwords.hash(newPassword), clock.instant());
        accounts.save(account);
        refreshTokens.revokeAll(account.id());
        audit.record("identity.password.changed", account.id(), account.id(), clientAddress, Map.of());
    }

    private static List<String> context(Account account) {
        var email = account.email();
        return List.of(email.substring(0, email.indexOf('@')), account.displayName());
    }
}
