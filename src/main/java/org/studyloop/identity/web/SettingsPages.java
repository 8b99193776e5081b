package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.identity.Actor;
import org.studyloop.identity.account.Account;
import org.studyloop.identity.account.AccountDirectory;
import org.studyloop.identity.account.MfaSettings;
import org.studyloop.identity.account.PasswordRecovery;
import org.studyloop.shared.ProblemException;

/**
 * The settings page: name and language, a new password (the current one first), and TOTP
 * (RFC 6238): set up with the secret for the authenticator app, confirmed by a first code, which
 * shows the recovery codes once; or turned off with a code. The same services as {@code /api/v1/me}.
 */
@Controller
class SettingsPages {

    private static final List<String> LANGUAGES = List.of("en", "fr", "es");

    private final AccountDirectory directory;
    private final PasswordRecovery recovery;
    private final MfaSettings mfa;

    SettingsPages(AccountDirectory directory, PasswordRecovery recovery, MfaSettings mfa) {
        this.directory = directory;
        this.recovery = recovery;
        this.mfa = mfa;
    }

    @GetMapping("/settings")
    String settings(Actor actor, Model model) {
        var account = account(actor);
        model.addAttribute("displayName", account.displayName());
        model.addAttribute("language", account.locale().getLanguage());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("mfaEnabled", account.mfaEnabled());
        return "identity/settings";
    }

    @PostMapping("/settings/profile")
    String profile(
            Actor actor,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "en") String language,
            Model model) {
        var name = displayName.strip();
        if (name.isEmpty() || name.length() > 80 || !LANGUAGES.contains(language)) {
            model.addAttribute("error", "displayName");
            return settings(actor, model);
        }
        directory.updateProfile(actor.userId(), Optional.of(name), Optional.of(Locale.forLanguageTag(language)));
        // ?lang= also makes the new language the page's own at once (ui.web.PageLocales).
        return "redirect:/settings?saved&lang=" + language;
    }

    @PostMapping("/settings/password")
    String password(
            Actor actor,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest http,
            Model model) {
        try {
            if (currentPassword.isEmpty() || newPassword.isEmpty() || newPassword.length() > 1024) {
                throw ProblemException.invalid("newPassword", "must be given");
            }
            recovery.change(actor.userId(), currentPassword, newPassword, ClientAddress.of(http));
        } catch (ProblemException refused) {
            model.addAttribute("error", "passwordChange");
            return settings(actor, model);
        }
        return "redirect:/settings?passwordChanged";
    }

    @PostMapping("/settings/mfa/begin")
    String beginMfa(Actor actor, Model model) {
        model.addAttribute("enrolment", mfa.begin(actor.userId()));
        return "identity/mfa-setup";
    }

    @PostMapping("/settings/mfa/confirm")
    String confirmMfa(Actor actor, @RequestParam(defaultValue = "") String code, HttpServletRequest http, Model model) {
        try {
            model.addAttribute("recoveryCodes", mfa.confirm(actor.userId(), code.strip(), ClientAddress.of(http)));
            return "identity/mfa-done";
        } catch (ProblemException refused) {
            model.addAttribute("error", "totp");
            return settings(actor, model);
        }
    }

    @PostMapping("/settings/mfa/disable")
    String disableMfa(Actor actor, @RequestParam(defaultValue = "") String code, HttpServletRequest http, Model model) {
        try {
            mfa.disable(actor.userId(), code.strip(), ClientAddress.of(http));
        } catch (ProblemException refused) {
            model.addAttribute("error", "totp");
            return settings(actor, model);
        }
        return "redirect:/settings?mfaOff";
    }

    private Account account(Actor actor) {
        return directory.find(actor.userId()).orElseThrow(() -> ProblemException.notFound("The account is gone."));
    }
}
