package org.studyloop.mail.outbox;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends a plain-text UTF-8 mail through the SMTP server of {@code spring.mail.*}. */
final class SmtpTransport implements Transport {

    private final JavaMailSender sender;
    private final String from;

    SmtpTransport(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    @Override
    public MailStatus deliver(PendingMail mail) throws MessagingException {
        var message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        // The recipient's language, for screen readers and translation tools (RFC 3282).
        message.setHeader("Content-Language", mail.locale());
        sender.send(message);
        return MailStatus.SENT;
    }
}
