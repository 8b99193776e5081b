package org.studyloop.identity.web;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.studyloop.identity.account.ExternalSignIn;
import org.studyloop.identity.token.AccessTokens;
import org.studyloop.identity.token.SigningKeys;
import org.studyloop.identity.token.VerifiedTokens;
import org.studyloop.platform.StudyLoopProperties;

/**
 * Two filter chains on one set of accounts. {@code /api/**}: bearer access tokens, no session
 * created, CSRF checked only when a request rides on a session cookie instead of a token. The
 * rest (pages): cookie sessions, CSRF on, form sign-in. Both answer with the same security
 * headers: a CSP allowing only this origin's scripts, {@code frame-ancestors 'none'}, and HSTS
 * only over TLS as RFC 6797 §7.2 requires. Cross-origin calls are refused unless configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String MFA_AUTHORITY = "MFA";

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private static final String[] PUBLIC_API = {
        "/api/v1/auth/register",
        "/api/v1/auth/verify-email",
        "/api/v1/auth/verify-email/resend",
        "/api/v1/auth/login",
        "/api/v1/auth/refresh",
        "/api/v1/auth/logout",
        "/api/v1/auth/password-reset",
        "/api/v1/auth/password-reset/confirm"
    };

    /**
     * The API endpoints for administrators only: the administration API, the learner model's
     * status and the language model's usage. Each needs the ADMIN role and a sign-in with a second
     * factor (README, "MFA is required for administrators"); a token without one is refused with
     * {@code admin-mfa-required}. The admin pages follow the same rule ({@link AdminPages}).
     */
    static final String[] ADMIN_API = {"/api/v1/admin/**", "/api/v1/ml/models/status", "/api/v1/ai/usage"};

    /**
     * The pages that need a signed-in person (docs/web.md). A visitor who is not signed in is sent
     * to the sign-in page and back after; every other path stays open (sign-in, sign-up, assets).
     */
    static final String[] SIGNED_IN_PAGES = {
        "/dashboard",
        "/students/**",
        "/practice/**",
        "/teacher/**",
        "/parent/**",
        "/classes/**",
        "/settings/**",
        "/admin/**",
        "/author/**",
        "/lessons/**",
        "/tutor",
        "/tutor/**",
        "/search"
    };

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, Clock clock) {
        return new VerifiedTokens(AccessTokens.decoder(keys), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            StudyLoopProperties cors,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        var problems = new SecurityProblems(resolver);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, PUBLIC_API)
                        .permitAll()
                        .requestMatchers(ADMIN_API)
                        .access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole("ADMIN"),
                                AuthorityAuthorizationManager.hasAuthority(MFA_AUTHORITY)))
                        .anyRequest()
                        .authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::ridesOnSessionCookie))
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(tokenConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .requestCache(cache -> cache.disable())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable);
        return common(http, cors).build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            StudyLoopProperties cors,
            PasswordSignInProvider signIn,
            ObjectProvider<ClientRegistrationRepository> oidcProviders,
            ExternalSignIn externalSignIn)
            throws Exception {
        var providers = oidcProviders.getIfAvailable();
        if (providers != null) {
            // Authorization code with PKCE (RFC 7636) for every provider, confidential clients too,
            // as the OAuth 2.0 Security BCP (RFC 9700 §2.1.1) recommends.
            var requests = new DefaultOAuth2AuthorizationRequestResolver(providers, "/oauth2/authorization");
            requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(
                    oidc -> oidc.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                            .successHandler(new OidcSignInHandler(externalSignIn)));
        }
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(SIGNED_IN_PAGES)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .authenticationProvider(signIn)
                // The sign-in page is identity's own (AccountPages); "/" sends each role on to its home.
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .authenticationDetailsSource(PasswordSignInProvider.DETAILS))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .httpBasic(AbstractHttpConfigurer::disable);
        return common(http, cors).build();
    }

    private static HttpSecurity common(HttpSecurity http, StudyLoopProperties cors) throws Exception {
        return http.cors(c -> c.configurationSource(corsSource(cors)))
                .anonymous(a -> {})
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(
                                permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /**
     * A state-changing API call authenticated by a session cookie (a page's script calling the
     * API) needs the CSRF token; one that carries a bearer token cannot be forged cross-site.
     */
    private static boolean ridesOnSessionCookie(jakarta.servlet.http.HttpServletRequest request) {
        var method = request.getMethod();
        var safe = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
        var bearer = request.getHeader("Authorization") != null;
        return !safe && !bearer && request.getRequestedSessionId() != null;
    }

    static JwtAuthenticationConverter tokenConverter() {
        var converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(SecurityConfiguration::authorities);
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt) {
        var authorities = new ArrayList<GrantedAuthority>();
        var roles = jwt.getClaimAsStringList(AccessTokens.ROLES);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        var amr = jwt.getClaimAsStringList(AccessTokens.AMR);
        if (amr != null && amr.contains(AccessTokens.MFA)) {
            authorities.add(new SimpleGrantedAuthority(MFA_AUTHORITY));
        }
        return authorities;
    }

    private static CorsConfigurationSource corsSource(StudyLoopProperties properties) {
        var source = new UrlBasedCorsConfigurationSource();
        var origins = properties.http().corsAllowedOrigins();
        if (!origins.isEmpty()) {
            var api = new CorsConfiguration();
            api.setAllowedOrigins(origins);
            api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
            api.setAllowedHeaders(
                    List.of("Authorization", "Content-Type", "Accept", "X-Request-Id", "Idempotency-Key"));
            api.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After"));
            api.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", api);
        }
        return source;
    }
}
