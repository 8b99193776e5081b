package org.studyloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.studyloop.HttpProbe;
import tools.jackson.databind.JsonNode;

/**
 * Drives the account calls of API.md over real HTTP, as a client would, and reads the links of
 * the mails from the outbox's {@code MAIL to=} log lines.
 */
public final class IdentityClient {

    public static final String PASSWORD = "a long enough passphrase";

    private final HttpProbe http;
    private final Supplier<String> output;

    public IdentityClient(int port, Supplier<String> output) {
        this.http = new HttpProbe(port);
        this.output = output;
    }

    public HttpProbe http() {
        return http;
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@school.example.org";
    }

    public HttpResponse<String> register(String email, String role) {
        var body = new LinkedHashMap<String, Object>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("displayName", "Learner " + email.substring(0, 6));
        body.put("role", role);
        return http.post("/api/v1/auth/register", HttpProbe.toJson(body));
    }

    /** The token of the newest mail of this kind to this address, from its MAIL log line. */
    public String tokenFromMail(String email, String path) {
        var pattern = Pattern.compile(
                "MAIL to=" + Pattern.quote(email) + " .*?" + Pattern.quote(path) + "\\?token=([A-Za-z0-9_-]+)");
        var token = new String[1];
        Awaitility.await().untilAsserted(() -> {
            var matcher = pattern.matcher(output.get());
            String last = null;
            while (matcher.find()) {
                last = matcher.group(1);
            }
            assertThat(last).as("a MAIL line to %s with %s", email, path).isNotNull();
            token[0] = last;
        });
        return token[0];
    }

    /** Registers, verifies through the mailed link's token, and returns the user id. */
    public String verifiedAccount(String email, String role) {
        var registered = register(email, role);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var verified = http.post(
                "/api/v1/auth/verify-email", HttpProbe.toJson(Map.of("token", tokenFromMail(email, "/verify-email"))));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return HttpProbe.json(registered).path("userId").asString();
    }

    public HttpResponse<String> login(String email, String password) {
        return http.post("/api/v1/auth/login", HttpProbe.toJson(Map.of("email", email, "password", password)));
    }

    public JsonNode tokens(String email) {
        var response = login(email, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpProbe.json(response);
    }

    public String accessToken(String email) {
        return tokens(email).path("accessToken").asString();
    }

    /** Enrols TOTP for an account that is already ADMIN and returns an access token with MFA. */
    public String adminWithMfa(String email) {
        var token = accessToken(email);
        var begin = http.post("/api/v1/me/mfa/totp", "", "Authorization", "Bearer " + token);
        var secret = HttpProbe.json(begin).path("secret").asString();
        var now = java.time.Instant.now();
        var confirm = http.post(
                "/api/v1/me/mfa/totp/confirm",
                HttpProbe.toJson(Map.of("code", org.studyloop.identity.mfa.Totp.code(secret, now))),
                "Authorization",
                "Bearer " + token);
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        var login = http.post(
                "/api/v1/auth/login",
                HttpProbe.toJson(Map.of(
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "totp",
                        org.studyloop.identity.mfa.Totp.code(secret, now.plusSeconds(30)))));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return HttpProbe.json(login).path("accessToken").asString();
    }
}
