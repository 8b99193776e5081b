package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.studyloop.HttpProbe;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.mfa.Totp;

/** Signing in as an administrator with a second factor, for tests of admin endpoints. */
final class SignInSecurityTestsSupport {

    private SignInSecurityTestsSupport() {}

    /** Enrols TOTP for the (already ADMIN) account and returns an access token with MFA. */
    static String adminWithMfa(IdentityClient client, String email) {
        var http = client.http();
        var token = client.accessToken(email);
        var begin = http.post("/api/v1/me/mfa/totp", "", "Authorization", "Bearer " + token);
        var secret = HttpProbe.json(begin).path("secret").asString();
        var now = Instant.now();
        var confirm = http.post(
                "/api/v1/me/mfa/totp/confirm",
                HttpProbe.toJson(Map.of("code", Totp.code(secret, now))),
                "Authorization",
                "Bearer " + token);
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        var login = http.post(
                "/api/v1/auth/login",
                HttpProbe.toJson(Map.of(
                        "email",
                        email,
                        "password",
                        IdentityClient.PASSWORD,
                        "totp",
                        Totp.code(secret, now.plusSeconds(30)))));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return HttpProbe.json(login).path("accessToken").asString();
    }
}
