package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.identity.Role;
import org.studyloop.identity.account.PasswordRecovery;
import org.studyloop.identity.account.Registration;
import org.studyloop.shared.FieldProblem;
import org.studyloop.shared.ProblemException;

/**
 * The account pages: sign in (the form posts to Spring Security's {@code /login}), sign up, the
 * verification link of the mail, and the two steps of a password reset. They call the same
 * {@link Registration} and {@link PasswordRecovery} as the API, with the same checks and limits.
 * Errors name the fields in the page's language; the API's English detail is not shown.
 */
@Controller
class AccountPages {

    /** Roles a person may choose for themselves (API.md, "Accounts"). */
    static final Set<Role> SELF_CHOSEN = Set.of(Role.STUDENT, Role.TEACHER, Role.PARENT);

    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 80;
    private static final int MAX_PASSWORD = 1024;

    private final Registration registration;
    private final PasswordRecovery recovery;

    AccountPages(Registration registration, PasswordRecovery recovery) {
        this.registration = registration;
        this.recovery = recovery;
    }

    @GetMapping("/login")
    String signIn() {
        return "identity/sign-in";
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", new SignUp("", "", "STUDENT"));
        return "identity/sign-up";
    }

    record SignUp(String email, String displayName, String role) {}

    @PostMapping("/signup")
    String signUp(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "STUDENT") String role,
            Locale locale,
            HttpServletRequest http,
            Model model) {
        var errors = new LinkedHashSet<String>();
        if (email.isBlank() || email.length() > MAX_EMAIL || !email.contains("@")) {
            errors.add("email");
        }
        if (displayName.isBlank() || displayName.length() > MAX_NAME) {
            errors.add("displayName");
        }
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            errors.add("password");
        }
        var chosen = SELF_CHOSEN.stream().filter(r -> r.name().equals(role)).findFirst();
        if (chosen.isEmpty()) {
            errors.add("role");
        }
        if (errors.isEmpty()) {
            try {
                registration.register(
                        new Registration.NewAccount(
                                email.strip(), password, displayName.strip(), chosen.orElseThrow(), locale),
                        ClientAddress.of(http));
                model.addAttribute("email", email.strip());
                return "identity/check-mail";
            } catch (ProblemException problem) {
                errors.addAll(fields(problem));
            }
        }
        model.addAttribute("form", new SignUp(email, displayName, role));
        model.addAttribute("errors", errors);
        return "identity/sign-up";
    }

    @GetMapping("/verify-email")
    String verify(@RequestParam(defaultValue = "") String token, Model model) {
        try {
            if (token.isBlank() || token.length() > 512) {
                throw ProblemException.invalid("token", "must be given");
            }
            registration.verify(token);
            model.addAttribute("verified", true);
        } catch (ProblemException problem) {
            model.addAttribute("verified", false);
        }
        return "identity/verified";
    }

    @GetMapping("/reset-password")
    String reset(@RequestParam(required = false) @Nullable String token, Model model) {
        model.addAttribute("token", token);
        return "identity/reset-password";
    }

    @PostMapping("/reset-password/request")
    String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest http, Model model) {
        if (!email.isBlank() && email.length() <= MAX_EMAIL && email.contains("@")) {
            try {
                recovery.requestReset(email.strip(), ClientAddress.of(http));
            } catch (ProblemException limited) {
                // Too many requests: the page says the same as for any address (no enumeration).
            }
        }
        model.addAttribute("email", email);
        return "identity/reset-sent";
    }

    @PostMapping("/reset-password")
    String confirmReset(
            @RequestParam(defaultValue = "") String token,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest http,
            Model model) {
        try {
            if (token.isBlank() || newPassword.isEmpty() || newPassword.length() > MAX_PASSWORD) {
                throw ProblemException.invalid("newPassword", "must be given");
            }
            recovery.confirmReset(token, newPassword, ClientAddress.of(http));
            return "redirect:/login?reset";
        } catch (ProblemException problem) {
            model.addAttribute("token", token);
            model.addAttribute("errors", fields(problem));
            return "identity/reset-password";
        }
    }

    /** Fields the pages have a message for (messages.properties, {@code error.<field>}). */
    private static final Set<String> KNOWN_FIELDS = Set.of("email", "password", "displayName", "role", "newPassword");

    /** The fields a problem names; a problem about no known field counts as the form's. */
    private static Set<String> fields(ProblemException problem) {
        var fields = new LinkedHashSet<String>();
        problem.errors().stream()
                .map(FieldProblem::field)
                .filter(KNOWN_FIELDS::contains)
                .forEach(fields::add);
        if (fields.isEmpty()) {
            fields.add("form");
        }
        return fields;
    }
}
