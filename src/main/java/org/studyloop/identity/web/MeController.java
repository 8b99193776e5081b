package org.studyloop.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.identity.Actor;
import org.studyloop.identity.account.Account;
import org.studyloop.identity.account.AccountDirectory;
import org.studyloop.identity.account.MfaSettings;
import org.studyloop.identity.account.PasswordRecovery;
import org.studyloop.shared.ProblemException;

/** The signed-in person's own account: profile, password, MFA. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Accounts")
class MeController {

    private final AccountDirectory directory;
    private final PasswordRecovery recovery;
    private final MfaSettings mfa;

    MeController(AccountDirectory directory, PasswordRecovery recovery, MfaSettings mfa) {
        this.directory = directory;
        this.recovery = recovery;
        this.mfa = mfa;
    }

    record Me(String userId, String email, String displayName, List<String> roles, String locale, boolean mfaEnabled) {
        static Me of(Account account) {
            return new Me(
                    account.userId().toString(),
                    account.email(),
                    account.displayName(),
                    account.roles().stream().map(Enum::name).sorted().toList(),
                    account.locale().toLanguageTag(),
                    account.mfaEnabled());
        }
    }

    record ProfileChange(
            @Nullable @Size(min = 1, max = 80) String displayName,
            @Nullable @Size(max = 35) String locale) {}

    record PasswordChange(
            @NotBlank @Size(max = 1024) String currentPassword,
            @NotBlank @Size(max = 1024) String newPassword) {}

    record Code(@NotBlank @Size(max = 32) String code) {}

    record RecoveryCodesResponse(List<String> recoveryCodes) {}

    @GetMapping
    Me me(Actor actor) {
        return Me.of(account(actor));
    }

    @PatchMapping
    Me update(Actor actor, @Valid @RequestBody ProfileChange change) {
        if (change.displayName() != null && change.displayName().isBlank()) {
            throw ProblemException.invalid("displayName", "must not be blank");
        }
        var locale = Optional.ofNullable(change.locale()).map(l -> AuthController.locale(l, null));
        return Me.of(directory.updateProfile(actor.userId(), Optional.ofNullable(change.displayName()), locale));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(Actor actor, @Valid @RequestBody PasswordChange change, HttpServletRequest http) {
        recovery.change(actor.userId(), change.currentPassword(), change.newPassword(), ClientAddress.of(http));
    }

    @PostMapping("/mfa/totp")
    MfaSettings.Enrolment beginTotp(Actor actor) {
        return mfa.begin(actor.userId());
    }

    @PostMapping("/mfa/totp/confirm")
    RecoveryCodesResponse confirmTotp(Actor actor, @Valid @RequestBody Code code, HttpServletRequest http) {
        return new RecoveryCodesResponse(mfa.confirm(actor.userId(), code.code(), ClientAddress.of(http)));
    }

    @PostMapping("/mfa/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(Actor actor, @Valid @RequestBody Code code, HttpServletRequest http) {
        mfa.disable(actor.userId(), code.code(), ClientAddress.of(http));
    }

    @PostMapping("/mfa/recovery-codes")
    RecoveryCodesResponse regenerate(Actor actor, @Valid @RequestBody Code code, HttpServletRequest http) {
        return new RecoveryCodesResponse(
                mfa.regenerateRecoveryCodes(actor.userId(), code.code(), ClientAddress.of(http)));
    }

    private Account account(Actor actor) {
        return directory.find(actor.userId()).orElseThrow(() -> ProblemException.notFound("The account is gone."));
    }
}
