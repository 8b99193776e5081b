package org.studyloop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.studyloop.identity.IdentityClient;

/** A browser's cookie session for the pages, without a browser: forms posted with their CSRF token. */
final class PageSession {

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String base;

    PageSession(int port) {
        this.base = "http://localhost:" + port;
    }

    void signIn(String email) throws Exception {
        var signedIn = post("/login", "/login", Map.of("username", email, "password", IdentityClient.PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(302);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form's fields posted with the CSRF token of {@code page}. */
    HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
        var pairs = new ArrayList<Map.Entry<String, String>>(new LinkedHashMap<>(fields).entrySet());
        return postPairs(page, path, pairs);
    }

    /** The hint ladder's form: one {@code hint} field per hint, in order, and the button pressed. */
    HttpResponse<String> postAll(String page, String path, String action, List<String> hints) throws Exception {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        hints.forEach(h -> pairs.add(Map.entry("hint", h)));
        pairs.add(Map.entry("action", action));
        return postPairs(page, path, pairs);
    }

    /** An htmx request: the token in the header, as the layout's meta tag gives it to htmx. */
    HttpResponse<String> fragment(String page, String path, List<String> hints) throws Exception {
        var pairs = new ArrayList<Map.Entry<String, String>>();
        hints.forEach(h -> pairs.add(Map.entry("hint", h)));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", csrf(get(page).body()))
                        .POST(HttpRequest.BodyPublishers.ofString(form(pairs)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> upload(String page, byte[] zip, boolean dryRun) throws Exception {
        return upload(page, zip, dryRun, "/author/packs");
    }

    /** A multipart form as a browser sends it: the CSRF token, the dry-run box and the file. */
    HttpResponse<String> upload(String page, byte[] zip, boolean dryRun, String path) throws Exception {
        var boundary = "----studyloop" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", csrf(get(page).body()));
        if (dryRun) {
            fields.put("dryRun", "true");
        }
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pack.zip\"\r\n"
                                + "Content-Type: application/zip\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(zip);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postPairs(String page, String path, List<Map.Entry<String, String>> pairs)
            throws Exception {
        var all = new ArrayList<>(pairs);
        all.add(Map.entry("_csrf", csrf(get(page).body())));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(all)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The text between the end of the tag that holds {@code start} and {@code end}. */
    static String between(String html, String start, String end) {
        var from = html.indexOf('>', html.indexOf(start)) + 1;
        return html.substring(from, html.indexOf(end, from));
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String csrf(String html) {
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            matcher =
                    Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
            assertThat(matcher.find()).as("a CSRF token in %s", html).isTrue();
        }
        return matcher.group(1);
    }

    private static String form(List<Map.Entry<String, String>> pairs) {
        var out = new StringBuilder();
        for (var pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
