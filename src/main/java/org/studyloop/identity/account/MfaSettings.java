package org.studyloop.identity.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.identity.UserId;
import org.studyloop.identity.mfa.RecoveryCodes;
import org.studyloop.identity.mfa.Totp;
import org.studyloop.shared.ProblemException;
import org.studyloop.shared.ProblemType;

/**
 * Turning TOTP on and off. Enrolment takes two steps — a secret, then a code made from it — so
 * MFA is only on once the person's authenticator provably works. Administrators cannot turn it
 * off: it is required for them.
 */
@Service
public class MfaSettings {

    static final ProblemType MFA_STATE =
            new ProblemType("mfa-state", HttpStatus.CONFLICT, "MFA is not in the state this needs");

    private final Accounts accounts;
    private final RecoveryCodes recoveryCodes;
    private final Audit audit;
    private final Clock clock;

    MfaSettings(Accounts accounts, RecoveryCodes recoveryCodes, Audit audit, Clock clock) {
        this.accounts = accounts;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
        this.clock = clock;
    }

    public record Enrolment(String secret, String otpauthUri) {}

    @Transactional
    public Enrolment begin(UserId userId) {
        var account = accounts.findById(userId.value()).orElseThrow();
        if (account.mfaEnabled()) {
            throw new ProblemException(MFA_STATE, "MFA is already on; turn it off first to enrol a new device.");
        }
        var secret = Totp.newSecret();
        account.beginMfaEnrolment(secret);
        accounts.save(account);
        return new Enrolment(secret, Totp.uri(secret, "StudyLoop", account.email()));
    }

    /** Checks a first code against the new secret and turns MFA on; returns the recovery codes. */
    @Transactional
    public List<String> confirm(UserId userId, String code, String clientAddress) {
        var account = accounts.findById(userId.value()).orElseThrow();
        var secret = account.totpSecret()
                .filter(s -> !account.mfaEnabled())
                .orElseThrow(() -> new ProblemException(MFA_STATE, "Start the enrolment first."));
        var step = Totp.verify(secret, code, clock.instant());
        if (step.isEmpty() || !account.acceptTotpStep(step.getAsLong())) {
            throw ProblemException.invalid("code", "does not match; check your device's clock and try again");
        }
        account.enableMfa();
        accounts.save(account);
        audit.record("identity.mfa.enabled", account.id(), account.id(), clientAddress, Map.of("factor", "totp"));
        return recoveryCodes.regenerate(account.id());
    }

    @Transactional
    public void disable(UserId userId, String code, String clientAddress) {
        var account = accounts.findById(userId.value()).orElseThrow();
        if (account.roles().contains(org.studyloop.identity.Role.ADMIN)) {
            throw new ProblemException(MFA_STATE, "MFA is required for administrators.");
        }
        requireCode(account, code);
        account.disableMfa();
        accounts.save(account);
        recoveryCodes.deleteAll(account.id());
        audit.record("identity.mfa.disabled", account.id(), account.id(), clientAddress, Map.of());
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(UserId userId, String code, String clientAddress) {
        var account = accounts.findById(userId.value()).orElseThrow();
        requireCode(account, code);
        accounts.save(account);
        audit.record("identity.mfa.recovery-codes-regenerated", account.id(), account.id(), clientAddress, Map.of());
        return recoveryCodes.regenerate(account.id());
    }

    private void requireCode(Account account, String code) {
        if (!account.mfaEnabled()) {
            throw new ProblemException(MFA_STATE, "MFA is off.");
        }
        var step = Totp.verify(account.totpSecret().orElseThrow(), code, clock.instant());
        var valid = step.isPresent()
                ? account.acceptTotpStep(step.getAsLong())
                : RecoveryCodes.looksLikeCode(code) && recoveryCodes.consume(account.id(), code);
        if (!valid) {
            throw ProblemException.invalid("code", "is not a valid code");
        }
    }
}
