package org.studyloop.identity.web;

import java.util.EnumSet;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.studyloop.identity.Actor;
import org.studyloop.identity.Role;
import org.studyloop.identity.UserId;
import org.studyloop.identity.token.AccessTokens;

/**
 * Gives controllers of every module the {@link Actor} of the request, from a bearer token or a
 * page session alike. No credentials: 401, before the controller runs.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Actor resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        return current();
    }

    static Actor current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            var jwt = token.getToken();
            var roles = EnumSet.noneOf(Role.class);
            var names = jwt.getClaimAsStringList(AccessTokens.ROLES);
            if (names != null) {
                names.stream()
                        .filter(name -> EnumSet.allOf(Role.class).stream()
                                .anyMatch(r -> r.name().equals(name)))
                        .forEach(name -> roles.add(Role.valueOf(name)));
            }
            return new Actor(UserId.of(jwt.getSubject()), roles);
        }
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        throw new AuthenticationCredentialsNotFoundException("Sign in first.");
    }
}
