package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/** The account calls of API.md, exactly as written there, over HTTP, with mail in the outbox. */
@HttpTest
class AccountFlowTests {

    @LocalServerPort
    int port;

    @Test
    void registerVerifyLoginRefreshReuseLogout(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var http = client.http();
        var email = IdentityClient.uniqueEmail("ada");

        var registered = client.register(email, "STUDENT");
        assertThat(registered.statusCode()).isEqualTo(201);
        assertThat(HttpProbe.json(registered).path("status").asString()).isEqualTo("PENDING_VERIFICATION");
        var userId = HttpProbe.json(registered).path("userId").asString();

        var unverified = client.login(email, IdentityClient.PASSWORD);
        assertThat(unverified.statusCode()).isEqualTo(403);
        assertThat(HttpProbe.json(unverified).path("type").asString()).endsWith("/email-not-verified");

        var token = client.tokenFromMail(email, "/verify-email");
        var verified = http.post("/api/v1/auth/verify-email", HttpProbe.toJson(Map.of("token", token)));
        assertThat(verified.statusCode()).isEqualTo(200);
        var again = http.post("/api/v1/auth/verify-email", HttpProbe.toJson(Map.of("token", token)));
        assertThat(again.statusCode()).as("verification tokens are single-use").isEqualTo(400);

        var login = client.login(email, IdentityClient.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        var pair = HttpProbe.json(login);
        assertThat(pair.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(pair.path("expiresIn").asLong()).isBetween(1L, 900L);
        var access = pair.path("accessToken").asString();
        var refresh = pair.path("refreshToken").asString();

        var me = http.get("/api/v1/me", "Authorization", "Bearer " + access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(HttpProbe.json(me).path("userId").asString()).isEqualTo(userId);
        assertThat(HttpProbe.json(me).path("email").asString()).isEqualTo(email);
        assertThat(HttpProbe.json(me).path("roles").get(0).asString()).isEqualTo("STUDENT");
        assertThat(HttpProbe.json(me).path("locale").asString()).isEqualTo("en");

        var refreshed = http.post("/api/v1/auth/refresh", HttpProbe.toJson(Map.of("refreshToken", refresh)));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        var newRefresh = HttpProbe.json(refreshed).path("refreshToken").asString();
        assertThat(newRefresh).isNotEqualTo(refresh);

        var reused = http.post("/api/v1/auth/refresh", HttpProbe.toJson(Map.of("refreshToken", refresh)));
        assertThat(reused.statusCode()).as("a rotated token presented again").isEqualTo(401);
        var familyRevoked = http.post("/api/v1/auth/refresh", HttpProbe.toJson(Map.of("refreshToken", newRefresh)));
        assertThat(familyRevoked.statusCode())
                .as("reuse revokes the whole family")
                .isEqualTo(401);

        var second = client.tokens(email);
        var logout = http.post(
                "/api/v1/auth/logout",
                HttpProbe.toJson(
                        Map.of("refreshToken", second.path("refreshToken").asString())));
        assertThat(logout.statusCode()).isEqualTo(204);
        var afterLogout = http.post(
                "/api/v1/auth/refresh",
                HttpProbe.toJson(
                        Map.of("refreshToken", second.path("refreshToken").asString())));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
    }

    @Test
    void accessTokensAreEs256JwtsWithAKeyIdPublishedInTheJwks(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("kid");
        client.verifiedAccount(email, "TEACHER");
        var access = client.accessToken(email);
        var header = new String(java.util.Base64.getUrlDecoder().decode(access.split("\\.")[0]));
        var kid = HttpProbe.parse(header).path("kid").asString();
        assertThat(header).contains("\"alg\":\"ES256\"");
        var jwks = HttpProbe.json(client.http().get("/.well-known/jwks.json"));
        assertThat(jwks.path("keys").valueStream().map(k -> k.path("kid").asString()))
                .contains(kid);
        assertThat(jwks.toString()).doesNotContain("\"d\"");
    }

    @Test
    void passwordResetAlwaysAnswers202AndTheLinkSetsANewPasswordAndEndsSignIns(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var http = client.http();
        var email = IdentityClient.uniqueEmail("reset");
        client.verifiedAccount(email, "STUDENT");
        var refresh = client.tokens(email).path("refreshToken").asString();

        var unknown = http.post("/api/v1/auth/password-reset", HttpProbe.toJson(Map.of("email", "nobody-" + email)));
        assertThat(unknown.statusCode()).isEqualTo(202);
        var known = http.post("/api/v1/auth/password-reset", HttpProbe.toJson(Map.of("email", email)));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        var token = client.tokenFromMail(email, "/reset-password");
        var weak = http.post(
                "/api/v1/auth/password-reset/confirm",
                HttpProbe.toJson(Map.of("token", token, "newPassword", "password12")));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(HttpProbe.json(weak).path("errors").get(0).path("field").asString())
                .isEqualTo("newPassword");
        var confirmed = http.post(
                "/api/v1/auth/password-reset/confirm",
                HttpProbe.toJson(Map.of("token", token, "newPassword", "an entirely new passphrase")));
        assertThat(confirmed.statusCode()).isEqualTo(200);

        assertThat(client.login(email, IdentityClient.PASSWORD).statusCode()).isEqualTo(401);
        assertThat(client.login(email, "an entirely new passphrase").statusCode())
                .isEqualTo(200);
        var oldRefresh = http.post("/api/v1/auth/refresh", HttpProbe.toJson(Map.of("refreshToken", refresh)));
        assertThat(oldRefresh.statusCode())
                .as("a reset ends every earlier sign-in")
                .isEqualTo(401);
    }

    @Test
    void registrationValidatesEveryField(CapturedOutput output) {
        var http = new HttpProbe(port);
        var response = http.post(
                "/api/v1/auth/register",
                HttpProbe.toJson(Map.of("email", "not-an-address", "password", "", "displayName", "")));
        assertThat(response.statusCode()).isEqualTo(400);
        var fields = HttpProbe.json(response)
                .path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
        assertThat(fields).contains("email", "password", "displayName");

        var admin = http.post(
                "/api/v1/auth/register",
                HttpProbe.toJson(Map.of(
                        "email",
                        IdentityClient.uniqueEmail("x"),
                        "password",
                        IdentityClient.PASSWORD,
                        "displayName",
                        "X",
                        "role",
                        "ADMIN")));
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(HttpProbe.json(admin).path("errors").get(0).path("field").asString())
                .isEqualTo("role");

        var email = IdentityClient.uniqueEmail("twice");
        new IdentityClient(port, output::getAll).register(email, "PARENT");
        var duplicate = new IdentityClient(port, output::getAll).register(email.toUpperCase(), "PARENT");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(HttpProbe.json(duplicate).path("type").asString()).endsWith("/email-taken");
    }

    @Test
    void theLogOfAFullFlowHasNoPasswordTokenOrAddressOutsideMailLines(CapturedOutput output) {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("quiet");
        client.verifiedAccount(email, "STUDENT");
        var pair = client.tokens(email);
        client.login(email, "wrong password here");
        client.http()
                .get(
                        "/api/v1/me",
                        "Authorization",
                        "Bearer " + pair.path("accessToken").asString());
        client.http()
                .post(
                        "/api/v1/auth/refresh",
                        HttpProbe.toJson(
                                Map.of("refreshToken", pair.path("refreshToken").asString())));
        client.http().post("/api/v1/auth/password-reset", HttpProbe.toJson(Map.of("email", email)));

        var secrets = java.util.List.of(
                IdentityClient.PASSWORD,
                "wrong password here",
                pair.path("accessToken").asString(),
                pair.path("refreshToken").asString());
        var addresses = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        for (var line : output.getAll().split("\\R")) {
            if (line.contains("MAIL to=")) {
                continue;
            }
            for (var secret : secrets) {
                assertThat(line).doesNotContain(secret);
            }
            assertThat(addresses.matcher(line).find())
                    .as("an e-mail address in: %s", line)
                    .isFalse();
        }
    }
}
