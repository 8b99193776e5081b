package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.identity.account.AccountDirectory;
import org.studyloop.shared.ProblemException;

/**
 * The administrator's users page: accounts newest first, fifty to a page, each with its roles to
 * change. As on {@code /api/v1/admin/users}, only an administrator who signed in with a second
 * factor manages accounts: {@link AdminPages} asks one without to set it up, and anyone else finds
 * nothing here, before this runs.
 */
@Controller
class AdminUsersPage {

    private static final int PAGE = 50;

    private final AccountDirectory directory;

    AdminUsersPage(AccountDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/users")
    String users(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        requireAdmin(actor);
        model.addAttribute("roles", List.of(Role.values()));
        var number = Math.max(0, Math.min(page, 100_000));
        var accounts =
                directory.page(PageRequest.of(number, PAGE, Sort.by("createdAt").descending()));
        model.addAttribute("accounts", accounts.getContent());
        model.addAttribute("page", number);
        model.addAttribute("more", accounts.hasNext());
        return "identity/admin-users";
    }

    @PostMapping("/admin/users/{userId}/roles")
    String setRoles(
            Actor actor,
            @PathVariable UUID userId,
            @RequestParam(name = "role", required = false) List<String> names,
            HttpServletRequest http) {
        requireAdmin(actor);
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names == null ? List.<String>of() : names) {
            roles.add(List.of(Role.values()).stream()
                    .filter(r -> r.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> ProblemException.invalid("role", "must be a role")));
        }
        if (roles.isEmpty()) {
            throw ProblemException.invalid("role", "must name at least one role");
        }
        directory.setRoles(actor, new UserId(userId), roles, ClientAddress.of(http));
        return "redirect:/admin/users?saved";
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw ProblemException.notFound("There is nothing here, or it is not yours to see.");
        }
    }
}
