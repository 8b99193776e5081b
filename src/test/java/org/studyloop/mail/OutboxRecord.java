package org.studyloop.mail;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A row of {@code mail.outbox} as the tests read it, by recipient: every test mails its own
 * address, since all test contexts share one database.
 */
public record OutboxRecord(
        UUID id,
        String status,
        String locale,
        String template,
        String subject,
        @Nullable String body,
        int attempts,
        @Nullable OffsetDateTime sentAt,
        @Nullable String lastError) {

    public static Optional<OutboxRecord> find(JdbcClient jdbc, String recipient) {
        return jdbc.sql("""
                        select id, status, locale, template, subject, body, attempts, sent_at, last_error
                          from mail.outbox where recipient = :recipient""")
                .param("recipient", recipient)
                .query((rs, n) -> new OutboxRecord(
                        rs.getObject("id", UUID.class),
                        rs.getString("status"),
                        rs.getString("locale"),
                        rs.getString("template"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        rs.getInt("attempts"),
                        rs.getObject("sent_at", OffsetDateTime.class),
                        rs.getString("last_error")))
                .optional();
    }
}
