package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studyloop.HttpProbe;
import org.studyloop.identity.IdentityClient;

/**
 * OpenID Connect sign-in, authorization code with PKCE, against a real provider started by the
 * test ({@link TestOpenIdProvider}), driven through redirects and cookies as a browser does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studyloop.identity.limits.registrations-per-ip-per-hour=100000",
            "studyloop.identity.limits.sign-ins-per-ip-per-minute=100000"
        })
@ExtendWith(OutputCaptureExtension.class)
class OidcSignInTests {

    private static ConfigurableApplicationContext provider;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void school(DynamicPropertyRegistry registry) {
        provider = TestOpenIdProvider.start();
        var issuer = "http://127.0.0.1:" + TestOpenIdProvider.port(provider);
        var registration = "spring.security.oauth2.client.registration.school.";
        registry.add(registration + "client-id", () -> TestOpenIdProvider.CLIENT_ID);
        registry.add(registration + "client-secret", () -> TestOpenIdProvider.CLIENT_SECRET);
        registry.add(registration + "scope", () -> "openid,email");
        registry.add(registration + "authorization-grant-type", () -> "authorization_code");
        registry.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add("spring.security.oauth2.client.provider.school.issuer-uri", () -> issuer);
    }

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @BeforeEach
    void registerStudyLoopAtTheProvider() {
        TestOpenIdProvider.registerClient("http://localhost:" + port + "/login/oauth2/code/school");
        TestOpenIdProvider.newPerson();
    }

    /** Follows the whole dance; returns the browser, its cookies holding StudyLoop's session. */
    private HttpClient signInThroughTheProvider() throws Exception {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        var loginPage = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth2/authorization/school"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.uri().getHost())
                .as("sent to the provider to sign in")
                .isEqualTo("127.0.0.1");
        var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        var form = "username=" + TestOpenIdProvider.user + "&password="
                + URLEncoder.encode(TestOpenIdProvider.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(
                HttpRequest.newBuilder(loginPage.uri())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return browser;
    }

    private HttpResponse<String> me(HttpClient browser) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aVerifiedProviderAddressSignsIntoTheMatchingVerifiedAccount(CapturedOutput output) throws Exception {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("sso");
        var userId = client.verifiedAccount(email, "TEACHER");
        TestOpenIdProvider.email = email.toUpperCase();
        TestOpenIdProvider.emailVerified = true;

        var me = me(signInThroughTheProvider());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(HttpProbe.json(me).path("userId").asString()).isEqualTo(userId);

        // Linked now: the next sign-in finds the account by the provider's subject.
        TestOpenIdProvider.email = "changed-" + email;
        assertThat(me(signInThroughTheProvider()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnverifiedProviderAddressLinksNothing(CapturedOutput output) throws Exception {
        var client = new IdentityClient(port, output::getAll);
        var email = IdentityClient.uniqueEmail("unverified-sso");
        client.verifiedAccount(email, "STUDENT");
        TestOpenIdProvider.email = email;
        TestOpenIdProvider.emailVerified = false;
        assertThat(me(signInThroughTheProvider()).statusCode()).isEqualTo(401);
    }

    @Test
    void anAddressWithoutAStudyLoopAccountCreatesNone() throws Exception {
        TestOpenIdProvider.email = IdentityClient.uniqueEmail("stranger");
        TestOpenIdProvider.emailVerified = true;
        assertThat(me(signInThroughTheProvider()).statusCode()).isEqualTo(401);
    }
}
