package org.studyloop.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.studyloop.identity.IdentityProperties;

/**
 * The keys that sign access tokens: ES256 (ECDSA on P-256, RFC 7518 §3.4), each with a {@code kid}.
 * Configured keys ({@code studyloop.identity.jwt-keys}, a JWK set) win: the first signs, the
 * others still verify, which is how keys rotate. Without configuration StudyLoop generates a key
 * once and keeps it in the database, so that every instance and every restart shares it.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final ECKey active;
    private final JWKSet all;

    SigningKeys(IdentityProperties properties, JdbcClient jdbc, Clock clock) {
        List<JWK> keys = properties.jwtKeys().isBlank() ? stored(jdbc, clock) : configured(properties.jwtKeys());
        var first = keys.get(0);
        if (!(first instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
            throw new IllegalStateException(
                    "The first key of studyloop.identity.jwt-keys must be a private P-256 EC key");
        }
        this.active = ec;
        this.all = new JWKSet(keys);
    }

    private static List<JWK> configured(String json) {
        try {
            var keys = JWKSet.parse(json).getKeys();
            if (keys.isEmpty()) {
                throw new IllegalStateException("studyloop.identity.jwt-keys holds no key");
            }
            return keys;
        } catch (ParseException e) {
            throw new IllegalStateException("studyloop.identity.jwt-keys is not a JWK set: " + e.getMessage());
        }
    }

    private static List<JWK> stored(JdbcClient jdbc, Clock clock) {
        var existing = read(jdbc);
        if (!existing.isEmpty()) {
            return existing;
        }
        var kid = "sl-"
                + DateTimeFormatter.ofPattern("yyyyMMdd")
                        .withZone(ZoneOffset.UTC)
                        .format(clock.instant()) + "-" + Secrets.token().substring(0, 8);
        // Two instances starting together may both generate; the primary key keeps the first.
        jdbc.sql("insert into identity.signing_key (kid, private_jwk, created_at) values (:kid, :jwk, now())"
                        + " on conflict do nothing")
                .param("kid", kid)
                .param("jwk", generate(kid).toJSONString())
                .update();
        log.info(
                "Generated the access-token signing key {}; set studyloop.identity.jwt-keys to manage keys yourself",
                kid);
        return read(jdbc);
    }

    private static List<JWK> read(JdbcClient jdbc) {
        return jdbc
                .sql("select private_jwk from identity.signing_key order by created_at desc, kid")
                .query(String.class)
                .list()
                .stream()
                .map(SigningKeys::parse)
                .toList();
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored signing key could not be read", e);
        }
    }

    public static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    ECKey active() {
        return active;
    }

    /** Every key, private parts included: for the encoder and decoder only. */
    JWKSet all() {
        return all;
    }

    /** The public keys, as published at {@code /.well-known/jwks.json}. */
    public JWKSet publicKeys() {
        return all.toPublicJWKSet();
    }
}
