package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.studyloop.HttpTest;
import org.studyloop.identity.IdentityClient;

/**
 * The account pages over HTTP: a password reset from the request form through the mailed link to
 * a sign-in with the new password; a sign-up refused field by field in the page's language.
 */
@HttpTest
class AccountPagesTests {

    @LocalServerPort
    int port;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token of the page it came from. */
    private HttpResponse<String> post(String page, String path, Map<String, String> fields) throws Exception {
        var html = get(page).body();
        var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field on %s", page).isTrue();
        var body = new LinkedHashMap<>(fields);
        body.put("_csrf", matcher.group(1));
        var form = new StringBuilder();
        body.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aResetFromTheFormThroughTheMailedLinkLetsTheNewPasswordSignIn(CapturedOutput output) throws Exception {
        var accounts = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("forgetful");
        accounts.verifiedAccount(email, "STUDENT");

        var sent = post("/reset-password", "/reset-password/request", Map.of("email", email));
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("If an account uses this address");

        var token = accounts.tokenFromMail(email, "/reset-password");
        var form = get("/reset-password?token=" + token);
        assertThat(form.body()).contains("name=\"newPassword\"").contains(token);
        var changed = post(
                "/reset-password?token=" + token,
                "/reset-password",
                Map.of("token", token, "newPassword", "a brand new long passphrase"));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?reset"));

        var signIn = post("/login", "/login", Map.of("username", email, "password", "a brand new long passphrase"));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard"));
    }

    @Test
    void aSignUpWithAShortPasswordIsShownAgainWithTheFieldNamedInFrench() throws Exception {
        get("/signup?lang=fr");
        var refused = post(
                "/signup",
                "/signup",
                Map.of(
                        "displayName",
                        "Zoé",
                        "email",
                        IdentityClient.uniqueEmail("short"),
                        "password",
                        "short",
                        "role",
                        "STUDENT"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("Créer un compte")
                .contains("Choisissez un mot de passe d’au moins 8 caractères")
                .contains("value=\"Zoé\"");
    }
}
