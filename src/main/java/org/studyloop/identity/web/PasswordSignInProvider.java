package org.studyloop.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.studyloop.identity.account.SignIn;
import org.studyloop.shared.ProblemException;

/**
 * The pages' form sign-in ({@code POST /login} with {@code username}, {@code password} and, with
 * MFA, {@code totp}): the same checks, counters and audit as the API's, ending in a session whose
 * principal is the {@link org.studyloop.identity.Actor}.
 */
@Component
class PasswordSignInProvider implements AuthenticationProvider {

    record Details(String clientAddress, @Nullable String totp) {}

    static final AuthenticationDetailsSource<HttpServletRequest, Details> DETAILS =
            request -> new Details(ClientAddress.of(request), request.getParameter("totp"));

    private final SignIn signIn;

    PasswordSignInProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var details = authentication.getDetails() instanceof Details d ? d : new Details("unknown", null);
        try {
            var signedIn = signIn.authenticate(
                    authentication.getName(),
                    String.valueOf(authentication.getCredentials()),
                    details.totp(),
                    details.clientAddress());
            var actor = signedIn.account().actor();
            var authorities = new ArrayList<GrantedAuthority>();
            actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
            if (signedIn.mfa()) {
                authorities.add(new SimpleGrantedAuthority(SecurityConfiguration.MFA_AUTHORITY));
            }
            return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
        } catch (ProblemException problem) {
            throw new BadCredentialsException(problem.detail());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
