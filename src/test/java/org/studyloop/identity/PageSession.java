package org.studyloop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.studyloop.HttpProbe;
import org.studyloop.identity.mfa.Totp;

/**
 * A browser's cookie session on the pages, without a browser: the form sign-in (with a one-time
 * code when given), GETs, and form posts, htmx requests and uploads carrying the CSRF token read from
 * the page they come from.
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

    /** An htmx request: the CSRF token in the header, as the layout's meta tag gives it to htmx. */
    public HttpResponse<String> fragment(String page, String path, List<Map.Entry<String, String>> fields) {
        var body = new StringBuilder();
        fields.forEach(f -> body.append(body.isEmpty() ? "" : "&")
                .append(encode(f.getKey()))
                .append('=')
                .append(encode(f.getValue())));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf(get(page).body()))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** A multipart form as a browser sends it: the CSRF token of {@code page}, the fields, one file. */
    public HttpResponse<String> upload(
            String page, String path, Map<String, String> fields, String fileField, String fileName, byte[] file) {
        var boundary = "----studyloop" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var all = new LinkedHashMap<String, String>();
        all.put("_csrf", csrf(get(page).body()));
        all.putAll(fields);
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** The text between the end of the tag that holds {@code start} and {@code end}. */
    public static String between(String html, String start, String end) {
        var from = html.indexOf('>', html.indexOf(start)) + 1;
        return html.substring(from, html.indexOf(end, from));
    }

    /** HTML text back to plain text, for the five entities Thymeleaf writes. */
    public static String unescape(String html) {
        return HtmlUtils.htmlUnescape(html);
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

    /** The token of the page's CSRF field, else of the layout's meta tag (a page without a form). */
    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            matcher =
                    Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            assertThat(matcher.find()).as("a CSRF token in %s", html).isTrue();
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
