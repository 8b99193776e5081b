package org.studyloop.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox mode, the default without {@code spring.mail.host}: a committed mail is written to
 * the log on one {@code MAIL to=} line and kept as LOGGED; a rolled-back one leaves nothing. Runs
 * in the plain application context that other tests share.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTests {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private static String address() {
        return "ada." + UUID.randomUUID() + "@example.org";
    }

    private static OutgoingMail verification(String to, Locale locale, String link) {
        return new OutgoingMail(
                to, locale, "verify-email", Map.of("name", "Ada Lovelace", "link", link, "expiresHours", "24"));
    }

    private OutboxRecord delivered(String to) {
        await().atMost(DELIVERY)
                .until(() -> OutboxRecord.find(jdbc, to)
                        .filter(row -> !row.status().equals("PENDING"))
                        .isPresent());
        return OutboxRecord.find(jdbc, to).orElseThrow();
    }

    @Test
    void aCommittedMailIsLoggedOnOneLineAndKeptInFrench(CapturedOutput output) {
        var to = address();
        var link = "http://localhost:8080/verify-email?token=tok-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> mailer.send(verification(to, Locale.FRANCE, link)));

        var row = delivered(to);
        assertThat(row.status()).isEqualTo("LOGGED");
        assertThat(row.locale()).isEqualTo("fr");
        assertThat(row.subject()).isEqualTo("Confirmez votre adresse e-mail pour StudyLoop");
        assertThat(row.body()).startsWith("Bonjour Ada Lovelace,").contains(link);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();
        // The outbox row is the durable record and the sweep its retry: the event that started
        // the delivery leaves nothing in Spring Modulith's registry for a restart to publish again.
        assertThat(jdbc.sql("select count(*) from modulith.event_publication where serialized_event like :id")
                        .param("id", "%" + row.id() + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        var line =
                output.getOut().lines().filter(l -> l.contains("MAIL to=" + to)).toList();
        assertThat(line)
                .singleElement()
                .satisfies(l -> assertThat(l)
                        .contains("studyloop.mail.outbox")
                        .contains("MAIL to=" + to
                                + " subject=\"Confirmez votre adresse e-mail pour StudyLoop\" text=Bonjour "
                                + "Ada Lovelace, |  | Bienvenue sur StudyLoop\u00a0!")
                        .contains(" | " + link + " | "));
    }

    @Test
    void aRolledBackMailLeavesNoRowAndNoLine(CapturedOutput output) {
        var rolledBack = address();
        transactions.executeWithoutResult(status -> {
            mailer.send(verification(rolledBack, Locale.ENGLISH, "http://localhost/rolled-back"));
            status.setRollbackOnly();
        });
        // A mail committed afterwards and delivered shows that delivery has run meanwhile.
        var committed = address();
        transactions.executeWithoutResult(
                status -> mailer.send(verification(committed, Locale.ENGLISH, "http://localhost/committed")));
        assertThat(delivered(committed).status()).isEqualTo("LOGGED");

        assertThat(OutboxRecord.find(jdbc, rolledBack)).isEmpty();
        assertThat(output.getOut()).contains("MAIL to=" + committed).doesNotContain(rolledBack);
    }

    @Test
    void aReaderOfAnUnwrittenLanguageGetsEnglish() {
        var to = address();
        transactions.executeWithoutResult(
                status -> mailer.send(verification(to, Locale.GERMANY, "http://localhost/verify")));
        var row = delivered(to);
        assertThat(row.locale()).isEqualTo("en");
        assertThat(row.subject()).isEqualTo("Confirm your email address for StudyLoop");
    }

    @Test
    void sendingOutsideATransactionIsRefused() {
        var to = address();
        assertThatThrownBy(() -> mailer.send(verification(to, Locale.ENGLISH, "http://localhost/verify")))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(OutboxRecord.find(jdbc, to)).isEmpty();
    }

    @Test
    void anUnknownTemplateIsRefusedWhenSent() {
        var to = address();
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> mailer.send(new OutgoingMail(to, Locale.ENGLISH, "welcome-back", Map.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("welcome-back");
        assertThat(OutboxRecord.find(jdbc, to)).isEmpty();
    }

    @Test
    void anAddressThatCouldBreakALineIsRefused() {
        for (var bad : new String[] {"", "ada", "ada@example.org\nMAIL to=eve@example.org", "a b@example.org"}) {
            assertThatThrownBy(() -> verification(bad, Locale.ENGLISH, "http://localhost/verify"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
