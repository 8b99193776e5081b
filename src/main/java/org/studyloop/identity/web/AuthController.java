package org.studyloop.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.studyloop.identity.Role;
import org.studyloop.identity.account.PasswordRecovery;
import org.studyloop.identity.account.Registration;
import org.studyloop.identity.account.SignIn;

/** The account calls of API.md: register, verify, sign in, refresh, sign out, reset. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Accounts")
class AuthController {

    static final Set<String> LANGUAGES = Set.of("en", "fr", "es");

    private final Registration registration;
    private final SignIn signIn;
    private final PasswordRecovery recovery;

    AuthController(Registration registration, SignIn signIn, PasswordRecovery recovery) {
        this.registration = registration;
        this.signIn = signIn;
        this.recovery = recovery;
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @NotBlank @Size(max = 80) String displayName,
            @Nullable Role role,
            @Nullable @Size(max = 35) String locale) {}

    record RegisterResponse(String userId, String status) {}

    record TokenRequest(@NotBlank @Size(max = 512) String token) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @Nullable @Size(max = 32) String totp) {}

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse of(SignIn.TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "Bearer", pair.expiresIn());
        }
    }

    record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {}

    record EmailRequest(@NotBlank @Email @Size(max = 254) String email) {}

    record ResetConfirmation(
            @NotBlank @Size(max = 512) String token,
            @NotBlank @Size(max = 1024) String newPassword) {}

    @PostMapping("/register")
    ResponseEntity<RegisterResponse> register(
            @Valid @RequestBody RegisterRequest request,
            @RequestHeader(name = "Accept-Language", required = false) @Nullable String acceptLanguage,
            HttpServletRequest http) {
        var account = registration.register(
                new Registration.NewAccount(
                        request.email(),
                        request.password(),
                        request.displayName(),
                        request.role() == null ? Role.STUDENT : request.role(),
                        locale(request.locale(), acceptLanguage)),
                ClientAddress.of(http));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new RegisterResponse(
                        account.userId().toString(), account.status().name()));
    }

    record VerifiedResponse(String userId, String status) {}

    @PostMapping("/verify-email")
    VerifiedResponse verify(@Valid @RequestBody TokenRequest request) {
        var account = registration.verify(request.token());
        return new VerifiedResponse(
                account.userId().toString(), account.status().name());
    }

    @PostMapping("/verify-email/resend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resend(@Valid @RequestBody EmailRequest request, HttpServletRequest http) {
        registration.resendVerification(request.email(), ClientAddress.of(http));
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return TokenResponse.of(
                signIn.withPassword(request.email(), request.password(), request.totp(), ClientAddress.of(http)));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return TokenResponse.of(signIn.refresh(request.refreshToken(), ClientAddress.of(http)));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        signIn.signOut(request.refreshToken());
    }

    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestReset(@Valid @RequestBody EmailRequest request, HttpServletRequest http) {
        recovery.requestReset(request.email(), ClientAddress.of(http));
    }

    record ResetDone(String status) {}

    @PostMapping("/password-reset/confirm")
    ResetDone confirmReset(@Valid @RequestBody ResetConfirmation request, HttpServletRequest http) {
        recovery.confirmReset(request.token(), request.newPassword(), ClientAddress.of(http));
        return new ResetDone("PASSWORD_CHANGED");
    }

    /** The body's locale if supported, else the best of Accept-Language, else English. */
    static Locale locale(@Nullable String requested, @Nullable String acceptLanguage) {
        if (requested != null) {
            var language = Locale.forLanguageTag(requested).getLanguage();
            if (!LANGUAGES.contains(language)) {
                throw org.studyloop.shared.ProblemException.invalid("locale", "must be one of en, fr, es");
            }
            return Locale.forLanguageTag(language);
        }
        if (acceptLanguage != null) {
            try {
                for (var range : Locale.LanguageRange.parse(acceptLanguage)) {
                    var language = range.getRange().split("-")[0];
                    if (LANGUAGES.contains(language)) {
                        return Locale.forLanguageTag(language);
                    }
                }
            } catch (IllegalArgumentException ignored) {
                // A malformed header is no reason to refuse the registration.
            }
        }
        return Locale.ENGLISH;
    }
}
