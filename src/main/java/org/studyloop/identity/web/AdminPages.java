package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.studyloop.identity.IdentityProblems;
import org.studyloop.shared.ProblemException;

/**
 * The rule of the admin-only API ({@link SecurityConfiguration#ADMIN_API}) applied to every admin
 * page ({@code /admin/**}, whichever module renders it), in one place: an administrator signed in
 * with a second factor sees the page; one without is told to turn two-step sign-in on and sign in
 * again ({@code admin-mfa-required}, shown by the page error handling); anyone else finds nothing
 * here, as the access policy's refusals read. It runs before the page's controller, so no admin
 * page can forget it.
 */
class AdminPages implements HandlerInterceptor {

    static final String PATHS = "/admin/**";

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var authorities = authentication == null
                ? List.<String>of()
                : authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .toList();
        if (!authorities.contains("ROLE_ADMIN")) {
            throw ProblemException.notFound("There is nothing here, or it is not yours to see.");
        }
        if (!authorities.contains(SecurityConfiguration.MFA_AUTHORITY)) {
            throw new ProblemException(
                    IdentityProblems.ADMIN_MFA_REQUIRED,
                    "Turn on two-step sign-in in the settings, then sign in again with a code.");
        }
        return true;
    }
}
