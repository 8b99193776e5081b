package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpProbe;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/** One account for pages and API: a form sign-in gives a cookie session, guarded by CSRF tokens. */
@HttpTest
class PageSessionTests {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
        return matcher.group(1);
    }

    @Test
    void formSignInOpensASessionThatTheApiAcceptsWithCsrfForWrites(CapturedOutput output) throws Exception {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("page");
        var userId = client.verifiedAccount(email, "STUDENT");
        var base = "http://localhost:" + port;

        var page = send(HttpRequest.newBuilder(URI.create(base + "/login")).build());
        assertThat(page.statusCode()).isEqualTo(200);
        var token = csrf(page.body());

        var withoutCsrf = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", email, "password", IdentityClient.PASSWORD))))
                .build());
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);

        var signIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form(Map.of("username", email, "password", IdentityClient.PASSWORD, "_csrf", token))))
                .build());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        var me = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(HttpProbe.json(me).path("userId").asString()).isEqualTo(userId);

        var profile = HttpRequest.newBuilder(URI.create(base + "/api/v1/me"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"displayName\":\"Renamed\"}"));
        assertThat(send(profile.build()).statusCode())
                .as("a cookie-borne write without CSRF")
                .isEqualTo(403);

        var fresh = send(HttpRequest.newBuilder(URI.create(base + "/login")).build());
        var renamed = send(profile.header("X-CSRF-TOKEN", csrf(fresh.body())).build());
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
        assertThat(HttpProbe.json(renamed).path("displayName").asString()).isEqualTo("Renamed");
    }

    @Test
    void aWrongPasswordOnTheFormSendsBackToTheFormWithAnError(CapturedOutput output) throws Exception {
        var base = "http://localhost:" + port;
        var page = send(HttpRequest.newBuilder(URI.create(base + "/login")).build());
        var signIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "username",
                        IdentityClient.uniqueEmail("nobody"),
                        "password",
                        "whatever it is",
                        "_csrf",
                        csrf(page.body())))))
                .build());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
    }

    private static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return out.toString();
    }
}
