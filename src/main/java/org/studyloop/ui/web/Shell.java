package org.studyloop.ui.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.studyloop.identity.AccountSummary;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Identity;
import org.studyloop.identity.Role;

/**
 * Puts what the layout needs into every rendered page's model as {@code shell}: who is signed in
 * and with which roles (the navigation), the page's path (the language links). It runs after the
 * controller and only when a view is rendered, so API calls never pay for the account lookup.
 */
class Shell implements HandlerInterceptor {

    /**
     * @param name the signed-in person's display name, null for a visitor
     * @param roles role names, for the navigation's {@code shell.has('TEACHER')}
     */
    record View(@Nullable String name, Set<String> roles, String path) {

        public boolean signedIn() {
            return name != null;
        }

        public boolean has(String role) {
            return roles.contains(role);
        }
    }

    private final Identity identity;

    Shell(Identity identity) {
        this.identity = identity;
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
            return;
        }
        page.addObject("shell", view(request.getRequestURI()));
    }

    private View view(String path) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            var name = identity.account(actor.userId())
                    .map(AccountSummary::displayName)
                    .orElse("");
            var roles = actor.roles().stream().map(Role::name).collect(Collectors.toSet());
            return new View(name, roles, path);
        }
        return new View(null, Set.of(), path);
    }
}
