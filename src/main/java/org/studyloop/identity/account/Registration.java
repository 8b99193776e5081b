package org.studyloop.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.AccountRegistered;
import org.studyloop.identity.IdentityProblems;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.Role;
import org.studyloop.identity.token.Secrets;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutgoingMail;
import org.studyloop.shared.ProblemException;

/**
 * Creating accounts and verifying their addresses. The verification mail is queued in the same
 * transaction as the account, so a registration is never acknowledged without its mail.
 */
@Service
public class Registration {

    private final Accounts accounts;
    private final Passwords passwords;
    private final EmailTokens tokens;
    private final Mailer mailer;
    private final Throttle throttle;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(
            Accounts accounts,
            Passwords passwords,
            EmailTokens tokens,
            Mailer mailer,
            Throttle throttle,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.mailer = mailer;
        this.throttle = throttle;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public record NewAccount(String email, String password, String displayName, Role role, Locale locale) {}

    @Transactional
    public Account register(NewAccount request, String clientAddress) {
        throttle.take(
                "register:" + clientAddress,
                properties.limits().registrationsPerIpPerHour(),
                Duration.ofHours(1),
                "Too many registrations from your address.");
        if (!request.role().selfSelectable()) {
            throw ProblemException.invalid("role", "must be one of STUDENT, TEACHER, PARENT");
        }
        var email = Account.normalise(request.email());
        passwords.check(
                "password", request.password(), List.of(email.substring(0, email.indexOf('@')), request.displayName()));
        if (accounts.findByEmail(email).isPresent()) {
            throw new ProblemException(
                    IdentityProblems.EMAIL_TAKEN, "Sign in, or reset your password if you forgot it.");
        }
        var account = Account.register(
                Secrets.newId(),
                email,
                passwords.hash(request.password()),
                request.displayName(),
                request.locale(),
                request.role(),
                clock.instant());
        try {
            account = accounts.save(account);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(
                    IdentityProblems.EMAIL_TAKEN, "Sign in, or reset your password if you forgot it.");
        }
        sendVerification(account);
        events.publishEvent(new AccountRegistered(account.userId(), account.roles(), clock.instant()));
        return account;
    }

    @Transactional
    public Account verify(String token) {
        var account = tokens.consume(token, EmailTokens.Purpose.VERIFY_EMAIL)
                .flatMap(accounts::findById)
                .orElseThrow(() -> new ProblemException(
                        IdentityProblems.INVALID_TOKEN, "Ask for a new verification mail and use its link."));
        account.verifyEmail(clock.instant());
        return accounts.save(account);
    }

    /** Sends a fresh link to an unverified address; says nothing about whether it exists. */
    @Transactional
    public void resendVerification(String email, String clientAddress) {
        throttle.take(
                "verify-resend:" + clientAddress,
                properties.limits().resetsPerIpPerHour(),
                Duration.ofHours(1),
                "Too many requests from your address.");
        accounts.findByEmail(Account.normalise(email))
                .filter(account -> account.status() == AccountStatus.PENDING_VERIFICATION)
                .ifPresent(account -> {
                    tokens.revokeAll(account.id(), EmailTokens.Purpose.VERIFY_EMAIL);
                    sendVerification(account);
                });
    }

    private void sendVerification(Account account) {
        var lifetime = properties.verificationTokenLifetime();
        var token = tokens.issue(account.id(), EmailTokens.Purpose.VERIFY_EMAIL, lifetime);
        mailer.send(new OutgoingMail(
                account.email(),
                account.locale(),
                "verify-email",
                Map.of(
                        "name",
                        account.displayName(),
                        "link",
                        properties.publicUrl() + "/verify-email?token=" + token,
                        "token",
                        token,
                        "expiresHours",
                        Long.toString(lifetime.toHours()))));
    }
}
