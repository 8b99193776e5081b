package org.studyloop.identity.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;
import org.studyloop.identity.Actor;
import org.studyloop.identity.IdentityProperties;

/**
 * Access tokens: short-lived JWTs (RFC 9068 profile) carrying the account id as {@code sub}, its
 * roles, and whether this sign-in passed a second factor ({@code amr}, RFC 8176). They are
 * checked by signature alone, so they cannot be revoked: hence at most 15 minutes.
 */
@Component
public class AccessTokens {

    public static final String ISSUER = "studyloop";
    public static final String ROLES = "roles";
    public static final String AMR = "amr";
    public static final String MFA = "mfa";

    private final JwtEncoder encoder;
    private final String keyId;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        var active = new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.active()));
        this.encoder = new NimbusJwtEncoder(active);
        this.keyId = keys.active().getKeyID();
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks signature (any of the configured keys), expiry and issuer. */
    public static JwtDecoder decoder(SigningKeys keys) {
        var decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(keys.all()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
        return decoder;
    }

    public IssuedAccessToken issue(Actor actor, boolean mfa) {
        var now = clock.instant();
        var lifetime = properties.accessTokenLifetime();
        var amr = new ArrayList<String>(List.of("pwd"));
        if (mfa) {
            amr.add("otp");
            amr.add(MFA);
        }
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(actor.userId().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .id(Secrets.newId().toString())
                .claim(ROLES, actor.roles().stream().map(Enum::name).sorted().toList())
                .claim(AMR, amr)
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(keyId).build();
        var jwt = encoder.encode(JwtEncoderParameters.from(header, claims));
        return new IssuedAccessToken(jwt.getTokenValue(), lifetime.toSeconds());
    }

    public record IssuedAccessToken(String value, long expiresInSeconds) {}
}
