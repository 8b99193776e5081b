package org.studyloop.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.studyloop.HttpProbe;
import org.studyloop.identity.IdentityClient;

/**
 * With SMTP configured, the verification and reset mails arrive at a real SMTP server
 * (GreenMail), in the account's language, and the links in them work.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studyloop.identity.limits.registrations-per-ip-per-hour=100000",
            "studyloop.identity.limits.resets-per-ip-per-hour=100000",
            "studyloop.identity.public-url=https://learn.example.org"
        })
class MailedLinksTests {

    private static final int SMTP_PORT = freePort();
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.port(SMTP_PORT));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        SMTP.start();
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The newest mail to this address whose body links to {@code path}, and the link's token. */
    private String[] mailTo(String address, String path) {
        var link = Pattern.compile(Pattern.quote("https://learn.example.org" + path) + "\\?token=([A-Za-z0-9_-]+)");
        var found = new String[2];
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var mails = Arrays.stream(SMTP.getReceivedMessages())
                    .filter(m -> recipient(m).equals(address))
                    .toList();
            assertThat(mails).isNotEmpty();
            var last = mails.get(mails.size() - 1);
            var body = String.valueOf(last.getContent());
            var matcher = link.matcher(body);
            assertThat(matcher.find()).as("a link to %s in %s", path, body).isTrue();
            found[0] = last.getSubject();
            found[1] = matcher.group(1);
        });
        return found;
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theVerificationAndResetMailsArriveInTheAccountsLanguageAndTheirLinksWork() {
        var http = new HttpProbe(port);
        var email = IdentityClient.uniqueEmail("smtp");
        var registered = http.post(
                "/api/v1/auth/register",
                HttpProbe.toJson(Map.of(
                        "email", email, "password", IdentityClient.PASSWORD, "displayName", "Élodie", "locale", "fr")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

        var verification = mailTo(email, "/verify-email");
        assertThat(verification[0]).as("a French subject").containsIgnoringCase("adresse");
        var verified = http.post("/api/v1/auth/verify-email", HttpProbe.toJson(Map.of("token", verification[1])));
        assertThat(verified.statusCode()).isEqualTo(200);
        assertThat(http.post(
                                "/api/v1/auth/login",
                                HttpProbe.toJson(Map.of("email", email, "password", IdentityClient.PASSWORD)))
                        .statusCode())
                .isEqualTo(200);

        assertThat(http.post("/api/v1/auth/password-reset", HttpProbe.toJson(Map.of("email", email)))
                        .statusCode())
                .isEqualTo(202);
        var reset = mailTo(email, "/reset-password");
        var confirmed = http.post(
                "/api/v1/auth/password-reset/confirm",
                HttpProbe.toJson(Map.of("token", reset[1], "newPassword", "un tout nouveau mot de passe")));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(http.post(
                                "/api/v1/auth/login",
                                HttpProbe.toJson(Map.of("email", email, "password", "un tout nouveau mot de passe")))
                        .statusCode())
                .isEqualTo(200);
    }
}
