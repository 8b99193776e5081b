package org.studyloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.studyloop.HttpProbe;
import org.studyloop.identity.mfa.Totp;

/**
 * A browser's cookie session on the pages, without a browser: the form sign-in (with a one-time
 * code when given), GETs, and form posts carrying the CSRF field read from the page they come from.
 */
public final class PageSession {

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public PageSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** Turns TOTP on for the account through the API, confirmed with the code of {@code now}; its secret. */
    public static String enrolTotp(IdentityClient accounts, String email, Instant now) {
        var token = accounts.accessToken(email);
        var http = accounts.http();
        var begin = http.post("/api/v1/me/mfa/totp", "", "Authorization", "Bearer " + token);
        assertThat(begin.statusCode()).as(begin.body()).isEqualTo(200);
        var secret = HttpProbe.json(begin).path("secret").asString();
        var confirm = http.post(
                "/api/v1/me/mfa/totp/confirm",
                HttpProbe.toJson(Map.of("code", Totp.code(secret, now))),
                "Authorization",
                "Bearer " + token);
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        return secret;
    }

    /** Signs in on the form; a refused sign-in fails the test. */
    public void signIn(String email, Optional<String> totp) {
        var fields = new ArrayList<Map.Entry<String, String>>();
        fields.add(Map.entry("username", email));
        fields.add(Map.entry("password", IdentityClient.PASSWORD));
        totp.ifPresent(code -> fields.add(Map.entry("totp", code)));
        var signedIn = post("/login", "/login", fields);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    /** Posts the form fields (names may repeat) with the CSRF token of {@code page}. */
    public HttpResponse<String> post(String page, String path, List<Map.Entry<String, String>> fields) {
        var body = new StringBuilder("_csrf=" + encode(csrf(get(page).body())));
        fields.forEach(
                f -> body.append('&').append(encode(f.getKey())).append('=').append(encode(f.getValue())));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in %s", html).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
