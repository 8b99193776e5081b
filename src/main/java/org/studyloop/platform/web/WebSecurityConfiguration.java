package org.studyloop.platform.web;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.studyloop.platform.StudyLoopProperties;

/**
 * Response headers and cross-origin rules for every response. The CSP allows only this origin's
 * scripts (no inline script), framing is refused ({@code frame-ancestors 'none'}, and
 * {@code X-Frame-Options} for older browsers), and HSTS is sent only over TLS, as RFC 6797 §7.2
 * requires. Cross-origin calls are refused unless origins are configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebSecurityConfiguration {

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

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, StudyLoopProperties properties) throws Exception {
        var cors = cors(properties);
        return http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .permitAll())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .cors(c -> c.configurationSource(cors))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .permissionsPolicyHeader(
                                permissions -> permissions.policy("camera=(), microphone=(), geolocation=()"))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .anonymous(Customizer.withDefaults())
                .build();
    }

    private static CorsConfigurationSource cors(StudyLoopProperties properties) {
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
