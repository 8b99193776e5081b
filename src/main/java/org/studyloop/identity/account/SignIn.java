package org.studyloop.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.IdentityProblems;
import org.studyloop.identity.IdentityProperties;
import org.studyloop.identity.mfa.RecoveryCodes;
import org.studyloop.identity.mfa.Totp;
import org.studyloop.identity.token.AccessTokens;
import org.studyloop.identity.token.RefreshTokens;
import org.studyloop.shared.ProblemException;

/**
 * Signing in with a password (and a one-time code when MFA is on), refreshing and signing out.
 * Failures are counted in the database (lock-out with back-off, durable across instances) and in
 * a per-account token bucket (the 11th failure within a minute is refused with 429). Failures
 * commit even though the request fails: that is what counts them.
 */
@Service
public class SignIn {

    private final Accounts accounts;
    private final Passwords passwords;
    private final RecoveryCodes recoveryCodes;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Throttle throttle;
    private final Audit audit;
    private final IdentityProperties.Limits limits;
    private final Clock clock;

    SignIn(
            Accounts accounts,
            Passwords passwords,
            RecoveryCodes recoveryCodes,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            Throttle throttle,
            Audit audit,
            IdentityProperties properties,
            Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.recoveryCodes = recoveryCodes;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.audit = audit;
        this.limits = properties.limits();
        this.clock = clock;
    }

    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {}

    /** A successful sign-in: the account, and whether a second factor was shown. */
    public record SignedIn(Account account, boolean mfa) {}

    @Transactional(noRollbackFor = ProblemException.class)
    public TokenPair withPassword(String email, String password, @Nullable String code, String clientAddress) {
        var signedIn = authenticate(email, password, code, clientAddress);
        return tokensFor(signedIn.account(), signedIn.mfa());
    }

    /** Checks the credentials; shared by the API and the pages' form sign-in. */
    @Transactional(noRollbackFor = ProblemException.class)
    public SignedIn authenticate(String email, String password, @Nullable String code, String clientAddress) {
        throttle.take(
                "sign-in-ip:" + clientAddress,
                limits.signInsPerIpPerMinute(),
                Duration.ofMinutes(1),
                "Too many sign-in attempts from your address.");
        var found = accounts.findByEmail(Account.normalise(email));
        if (found.isEmpty()) {
            passwords.spendTime(password);
            audit.record("identity.sign-in.failed", null, null, clientAddress, Map.of("reason", "unknown-account"));
            throw new ProblemException(IdentityProblems.INVALID_CREDENTIALS, "Check your e-mail address and password.");
        }
        var account = found.get();
        var failures = "sign-in-failures:" + account.id();
        throttle.check(failures, limits.failedSignInsPerMinute(), Duration.ofMinutes(1), "Too many failed sign-ins.");
        var now = clock.instant();
        var locked = account.lockedFor(now);
        if (locked.isPresent()) {
            throw Throttle.tooMany(locked.get(), "This account is locked after repeated failed sign-ins.");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            throw fail(account, failures, clientAddress, "bad-password");
        }
        if (account.status() == AccountStatus.DISABLED) {
            throw new ProblemException(IdentityProblems.ACCOUNT_DISABLED, "Contact your administrator.");
        }
        if (account.status() == AccountStatus.PENDING_VERIFICATION) {
            throw new ProblemException(
                    IdentityProblems.EMAIL_NOT_VERIFIED, "Open the link in the verification mail first.");
        }
        var mfa = false;
        if (account.mfaEnabled()) {
            if (code == null || code.isBlank()) {
                throw new ProblemException(
                        IdentityProblems.MFA_REQUIRED,
                        "Enter the code from your authenticator app, or a recovery code.",
                        java.util.List.of(),
                        Map.of("mfaRequired", true));
            }
            if (!secondFactor(account, code, clientAddress)) {
                throw fail(account, failures, clientAddress, "bad-code");
            }
            mfa = true;
        }
        account.recordSuccessfulSignIn();
        accounts.save(account);
        audit.record(
                "identity.sign-in",
                account.id(),
                account.id(),
                clientAddress,
                Map.of("method", "password", "mfa", Boolean.toString(mfa)));
        return new SignedIn(account, mfa);
    }

    private boolean secondFactor(Account account, String code, String clientAddress) {
        var secret = account.totpSecret().orElseThrow();
        var step = Totp.verify(secret, code, clock.instant());
        if (step.isPresent()) {
            return account.acceptTotpStep(step.getAsLong());
        }
        if (RecoveryCodes.looksLikeCode(code) && recoveryCodes.consume(account.id(), code)) {
            audit.record("identity.mfa.recovery-code-used", account.id(), account.id(), clientAddress, Map.of());
            return true;
        }
        return false;
    }

    private ProblemException fail(Account account, String failures, String clientAddress, String reason) {
        account.recordFailedSignIn(clock.instant(), limits);
        accounts.save(account);
        throttle.record(failures, limits.failedSignInsPerMinute(), Duration.ofMinutes(1));
        audit.record("identity.sign-in.failed", null, account.id(), clientAddress, Map.of("reason", reason));
        return new ProblemException(IdentityProblems.INVALID_CREDENTIALS, "Check your e-mail address and password.");
    }

    /** A new access token and the start of a new refresh-token family. */
    @Transactional
    public TokenPair tokensFor(Account account, boolean mfa) {
        var access = accessTokens.issue(account.actor(), mfa);
        return new TokenPair(access.value(), refreshTokens.start(account.id(), mfa), access.expiresInSeconds());
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public TokenPair refresh(String refreshToken, String clientAddress) {
        return switch (refreshTokens.exchange(refreshToken)) {
            case RefreshTokens.Exchange.Valid valid -> {
                var account = accounts.findById(valid.accountId())
                        .filter(Account::verified)
                        .orElseThrow(SignIn::rejected);
                var access = accessTokens.issue(account.actor(), valid.mfa());
                yield new TokenPair(
                        access.value(),
                        refreshTokens.issue(account.id(), valid.familyId(), valid.mfa()),
                        access.expiresInSeconds());
            }
            case RefreshTokens.Exchange.Reused reused -> {
                audit.record(
                        "identity.refresh-token.reused",
                        null,
                        reused.accountId(),
                        clientAddress,
                        Map.of("family", reused.familyId().toString()));
                throw rejected();
            }
            case RefreshTokens.Exchange.Invalid invalid -> throw rejected();
        };
    }

    @Transactional
    public void signOut(String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    private static ProblemException rejected() {
        return new ProblemException(IdentityProblems.INVALID_REFRESH_TOKEN, "Sign in again.");
    }
}
