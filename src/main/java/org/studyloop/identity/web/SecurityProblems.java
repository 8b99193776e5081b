package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.studyloop.identity.IdentityProblems;
import org.studyloop.shared.ProblemException;

/**
 * Hands security's 401 and 403 to the MVC exception handling, so that they are problem documents
 * like every other error. An administrator whose sign-in had no second factor is told so.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final RequestMatcher ADMIN_API = new OrRequestMatcher(Arrays.stream(SecurityConfiguration.ADMIN_API)
            .map(path -> PathPatternRequestMatcher.withDefaults().matcher(path))
            .map(RequestMatcher.class::cast)
            .toList());

    private final HandlerExceptionResolver resolver;

    SecurityProblems(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) {
        resolver.resolveException(request, response, null, exception);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var admin = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        var mfa = authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(SecurityConfiguration.MFA_AUTHORITY));
        if (admin && !mfa && ADMIN_API.matches(request)) {
            resolver.resolveException(
                    request,
                    response,
                    null,
                    new ProblemException(
                            IdentityProblems.ADMIN_MFA_REQUIRED,
                            "Turn on MFA at /api/v1/me/mfa/totp, then sign in again with a code."));
            return;
        }
        resolver.resolveException(request, response, null, exception);
    }
}
