package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;
import org.studyloop.identity.mfa.Totp;

/** MFA with TOTP and recovery codes, the administrators' MFA rule, and the sign-in limits. */
@HttpTest
class SignInSecurityTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** Turns MFA on through the API and returns {secret, recoveryCodes...}. */
    private String[] enrol(HttpProbe http, String accessToken, Instant now) {
        var begin = http.post("/api/v1/me/mfa/totp", "", "Authorization", bearer(accessToken));
        assertThat(begin.statusCode()).as(begin.body()).isEqualTo(200);
        var secret = HttpProbe.json(begin).path("secret").asString();
        assertThat(HttpProbe.json(begin).path("otpauthUri").asString()).startsWith("otpauth://totp/");
        var confirm = http.post(
                "/api/v1/me/mfa/totp/confirm",
                HttpProbe.toJson(Map.of("code", Totp.code(secret, now))),
                "Authorization",
                bearer(accessToken));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        var codes = HttpProbe.json(confirm).path("recoveryCodes");
        assertThat(codes.size()).isEqualTo(10);
        var result = new String[codes.size() + 1];
        result[0] = secret;
        for (int i = 0; i < codes.size(); i++) {
            result[i + 1] = codes.get(i).asString();
        }
        return result;
    }

    private java.net.http.HttpResponse<String> login(HttpProbe http, String email, String totp) {
        return http.post(
                "/api/v1/auth/login",
                HttpProbe.toJson(Map.of("email", email, "password", IdentityClient.PASSWORD, "totp", totp)));
    }

    @Test
    void totpEnrolmentThenSignInWithACodeAndSingleUseRecoveryCodes(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var http = client.http();
        var email = IdentityClient.uniqueEmail("mfa");
        client.verifiedAccount(email, "STUDENT");
        var now = Instant.now();
        var enrolled = enrol(http, client.accessToken(email), now);
        var secret = enrolled[0];

        var withoutCode = client.login(email, IdentityClient.PASSWORD);
        assertThat(withoutCode.statusCode()).isEqualTo(401);
        assertThat(HttpProbe.json(withoutCode).path("type").asString()).endsWith("/mfa-required");

        var replayed = login(http, email, Totp.code(secret, now));
        assertThat(replayed.statusCode())
                .as("the code used to confirm cannot be replayed")
                .isEqualTo(401);

        var withCode = login(http, email, Totp.code(secret, now.plusSeconds(30)));
        assertThat(withCode.statusCode()).as(withCode.body()).isEqualTo(200);

        var recovery = enrolled[1];
        assertThat(login(http, email, recovery).statusCode()).isEqualTo(200);
        assertThat(login(http, email, recovery).statusCode())
                .as("recovery codes work once")
                .isEqualTo(401);
        assertThat(login(http, email, enrolled[2]).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdministratorWithoutMfaCannotReachAdminEndpoints(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var http = client.http();
        var email = IdentityClient.uniqueEmail("admin");
        var userId = client.verifiedAccount(email, "TEACHER");
        jdbc.sql("update identity.account_role set role = 'ADMIN' where account_id = :id")
                .param("id", UUID.fromString(userId))
                .update();

        var token = client.accessToken(email);
        // Every admin-only endpoint, not only /api/v1/admin/**: the models' status and the AI usage too.
        for (var path : java.util.List.of("/api/v1/admin/users", "/api/v1/ml/models/status", "/api/v1/ai/usage")) {
            var refused = http.get(path, "Authorization", bearer(token));
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertThat(HttpProbe.json(refused).path("type").asString()).as(path).endsWith("/admin-mfa-required");
        }

        var now = Instant.now();
        var secret = enrol(http, token, now)[0];
        var mfaToken = HttpProbe.json(login(http, email, Totp.code(secret, now.plusSeconds(30))))
                .path("accessToken")
                .asString();
        var users = http.get("/api/v1/admin/users", "Authorization", bearer(mfaToken));
        assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
        assertThat(users.body()).contains(userId);
        for (var path : java.util.List.of("/api/v1/ml/models/status", "/api/v1/ai/usage")) {
            assertThat(http.get(path, "Authorization", bearer(mfaToken)).statusCode())
                    .as(path)
                    .isEqualTo(200);
        }

        var disable = http.post(
                "/api/v1/me/mfa/disable",
                HttpProbe.toJson(Map.of("code", Totp.code(secret, now.plusSeconds(60)))),
                "Authorization",
                bearer(mfaToken));
        assertThat(disable.statusCode())
                .as("MFA is required for administrators")
                .isEqualTo(409);
    }

    @Test
    void theEleventhFailedSignInWithinAMinuteIsRefusedWith429AndRetryAfter(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("brute");
        client.verifiedAccount(email, "STUDENT");
        for (int i = 1; i <= 10; i++) {
            assertThat(client.login(email, "not the password " + i).statusCode())
                    .as("failure %d", i)
                    .isEqualTo(401);
        }
        var eleventh = client.login(email, "not the password 11");
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
        assertThat(HttpProbe.json(eleventh).path("type").asString()).endsWith("/too-many-requests");
        assertThat(client.login(email, IdentityClient.PASSWORD).statusCode())
                .as("even the right password waits")
                .isEqualTo(429);
    }

    @Test
    void aPasswordChangeEndsEveryOtherSignIn(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var http = client.http();
        var email = IdentityClient.uniqueEmail("change");
        client.verifiedAccount(email, "PARENT");
        var first = client.tokens(email);
        var wrong = http.post(
                "/api/v1/me/password",
                HttpProbe.toJson(Map.of("currentPassword", "not it at all", "newPassword", "a brand new passphrase")),
                "Authorization",
                bearer(first.path("accessToken").asString()));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(HttpProbe.json(wrong).path("errors").get(0).path("field").asString())
                .isEqualTo("currentPassword");
        var changed = http.post(
                "/api/v1/me/password",
                HttpProbe.toJson(
                        Map.of("currentPassword", IdentityClient.PASSWORD, "newPassword", "a brand new passphrase")),
                "Authorization",
                bearer(first.path("accessToken").asString()));
        assertThat(changed.statusCode()).isEqualTo(204);
        var refresh = http.post(
                "/api/v1/auth/refresh",
                HttpProbe.toJson(
                        Map.of("refreshToken", first.path("refreshToken").asString())));
        assertThat(refresh.statusCode()).isEqualTo(401);
    }

    @Test
    void noTokenAndABadTokenAre401Problems() {
        var http = new HttpProbe(port);
        var none = http.get("/api/v1/me");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(HttpProbe.json(none).path("type").asString()).endsWith("/unauthenticated");
        var forged = http.get("/api/v1/me", "Authorization", "Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
