package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.studyloop.identity.account.ExternalSignIn;

/**
 * Ends an OpenID Connect sign-in: the provider's user becomes the linked StudyLoop account in
 * the session, or the person is sent back to the sign-in page when no verified account matches.
 */
class OidcSignInHandler implements AuthenticationSuccessHandler {

    private final ExternalSignIn externalSignIn;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OidcSignInHandler(ExternalSignIn externalSignIn) {
        this.externalSignIn = externalSignIn;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (!(authentication instanceof OAuth2AuthenticationToken token)
                || !(token.getPrincipal() instanceof OidcUser user)) {
            refuse(request, response);
            return;
        }
        var email = user.getEmail() == null ? "" : user.getEmail();
        var verified = Boolean.TRUE.equals(user.getEmailVerified());
        var account = externalSignIn.signIn(
                token.getAuthorizedClientRegistrationId(),
                user.getSubject(),
                email,
                verified,
                ClientAddress.of(request));
        if (account.isEmpty()) {
            refuse(request, response);
            return;
        }
        var actor = account.get().actor();
        var authorities = new ArrayList<GrantedAuthority>();
        actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.sendRedirect("/");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect("/login?error=no-linked-account");
    }
}
