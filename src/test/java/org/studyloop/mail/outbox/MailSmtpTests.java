package org.studyloop.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutboxRecord;
import org.studyloop.mail.OutgoingMail;

/**
 * The SMTP mode, against GreenMail, a real SMTP server in the test JVM: {@code spring.mail.host}
 * set, mail goes out over SMTP, and a server that cannot be reached only delays it.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class MailSmtpTests {

    /** Chosen free once, so that a server started again comes back where the application expects it. */
    private static final int SMTP_PORT = freePort();

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    Mailer mailer;

    @Autowired
    Delivery delivery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.port(SMTP_PORT));

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static String address() {
        return "ana." + UUID.randomUUID() + "@example.org";
    }

    private static OutgoingMail reset(String to) {
        return new OutgoingMail(
                to,
                Locale.of("es", "ES"),
                "password-reset",
                Map.of("name", "Ana", "link", "http://localhost:8080/reset?token=tok-" + to, "expiresHours", "1"));
    }

    private OutboxRecord row(String to) {
        return OutboxRecord.find(jdbc, to).orElseThrow();
    }

    private List<MimeMessage> receivedBy(String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                                .anyMatch(recipient -> recipient.toString().equals(to));
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aMailGoesOutInSpanishAndLeavesNoBodyBehind() throws Exception {
        var to = address();
        transactions.executeWithoutResult(status -> mailer.send(reset(to)));

        await().atMost(DELIVERY).until(() -> row(to).status().equals("SENT"));
        var received = receivedBy(to);
        assertThat(received).hasSize(1);
        var message = received.getFirst();
        assertThat(message.getSubject()).isEqualTo("Restablece tu contraseña de StudyLoop");
        assertThat(message.getFrom()).containsExactly(new InternetAddress("StudyLoop <no-reply@localhost>"));
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(message.getHeader("Content-Language")).containsExactly("es");
        assertThat((String) message.getContent())
                .startsWith("Hola, Ana:")
                .contains("http://localhost:8080/reset?token=tok-" + to)
                .contains("El enlace es válido durante 1 hora.");

        var row = row(to);
        assertThat(row.body()).as("no link or token at rest").isNull();
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        assertThat(row.lastError()).isNull();
    }

    @Test
    void anUnreachableServerLeavesTheMailPendingUntilALaterSweep(CapturedOutput output) throws Exception {
        smtp.stop();
        var to = address();
        transactions.executeWithoutResult(status -> mailer.send(reset(to)));

        await().atMost(DELIVERY).until(() -> row(to).attempts() == 1);
        var pending = row(to);
        assertThat(pending.status()).isEqualTo("PENDING");
        assertThat(pending.body()).contains("tok-");
        assertThat(pending.lastError()).isEqualTo("java.net.ConnectException");
        assertThat(output.getOut()).contains("not delivered on attempt 1").doesNotContain(to);

        // The server is back; the sweep, asked as if its back-off had passed, delivers the mail.
        smtp = new GreenMail(ServerSetupTest.SMTP.port(SMTP_PORT));
        smtp.start();
        assertThat(delivery.deliverDue(Instant.now().plus(Duration.ofHours(1)))).isPositive();

        var sent = row(to);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.body()).isNull();
        assertThat(sent.lastError()).isNull();
        assertThat(receivedBy(to)).hasSize(1);
    }

    @Test
    void aMailIsGivenUpAfterTheLastAttemptWithoutNamingItsAddress(CapturedOutput output) {
        smtp.stop();
        var to = address();
        transactions.executeWithoutResult(status -> mailer.send(reset(to)));
        await().atMost(DELIVERY).until(() -> row(to).attempts() == 1);

        // Each run attempts a mail at most once; nine more runs spend the ten attempts allowed.
        for (int run = 2; run <= 10; run++) {
            delivery.deliverDue(Instant.now().plus(Duration.ofDays(run)));
        }
        var failed = row(to);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(10);
        assertThat(failed.body()).isNull();
        assertThat(failed.lastError()).isEqualTo("java.net.ConnectException");
        assertThat(output.getOut()).contains("given up after 10 attempts").doesNotContain(to);
    }
}
