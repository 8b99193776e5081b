package org.studyloop.mail.outbox;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table {@code mail.outbox}. Rows are locked with {@code for update skip locked}, so that any
 * number of application instances, and the after-commit delivery next to the sweep, each take a
 * different mail and none is sent twice by two of them (PostgreSQL manual, "The Locking Clause").
 */
@Repository
class Outbox {

    private static final String DUE_COLUMNS = "id, recipient, locale, template, subject, body, attempts";

    private final JdbcClient jdbc;
    private final TimeBasedEpochGenerator ids = Generators.timeBasedEpochGenerator();

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(String recipient, String locale, String template, RenderedMail mail, Instant now, Instant firstTry) {
        var id = ids.generate();
        jdbc.sql("""
                        insert into mail.outbox (id, recipient, locale, template, subject, body, status, attempts,
                                                 next_attempt_at, created_at)
                        values (:id, :recipient, :locale, :template, :subject, :body, 'PENDING', 0,
                                :nextAttemptAt, :createdAt)""")
                .param("id", id)
                .param("recipient", recipient)
                .param("locale", locale)
                .param("template", template)
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("nextAttemptAt", utc(firstTry))
                .param("createdAt", utc(now))
                .update();
        return id;
    }

    /** This mail, locked, if it is still pending and no one else holds it. */
    Optional<PendingMail> lockPending(UUID id) {
        return jdbc.sql("select " + DUE_COLUMNS
                        + " from mail.outbox where id = :id and status = 'PENDING' for update skip locked")
                .param("id", id)
                .query(Outbox::pending)
                .optional();
    }

    /** The pending mail that has waited longest among those due by {@code dueBy}, locked. */
    Optional<PendingMail> lockNextDue(Instant dueBy) {
        return jdbc.sql("select " + DUE_COLUMNS + """
                         from mail.outbox
                        where status = 'PENDING' and next_attempt_at <= :dueBy
                        order by next_attempt_at
                        limit 1
                        for update skip locked""")
                .param("dueBy", utc(dueBy))
                .query(Outbox::pending)
                .optional();
    }

    /** Delivered: SENT erases the body, so no link or token stays at rest; LOGGED keeps it. */
    void markDelivered(UUID id, MailStatus status, Instant now) {
        jdbc.sql("""
                        update mail.outbox
                           set status = :status, attempts = attempts + 1, sent_at = :now, last_error = null,
                               body = case when :status = 'SENT' then null else body end
                         where id = :id""")
                .param("id", id)
                .param("status", status.name())
                .param("now", utc(now))
                .update();
    }

    /** A failed attempt, to be retried from {@code nextAttempt}; the error's class name only. */
    void markRetry(UUID id, String errorClass, Instant nextAttempt) {
        jdbc.sql("""
                        update mail.outbox
                           set attempts = attempts + 1, next_attempt_at = :nextAttempt, last_error = :error
                         where id = :id""")
                .param("id", id)
                .param("nextAttempt", utc(nextAttempt))
                .param("error", errorClass)
                .update();
    }

    /** The last allowed attempt failed too: the mail is given up, and its body erased like a sent one's. */
    void markFailed(UUID id, String errorClass) {
        jdbc.sql("""
                        update mail.outbox
                           set status = 'FAILED', attempts = attempts + 1, last_error = :error, body = null
                         where id = :id""").param("id", id).param("error", errorClass).update();
    }

    private static PendingMail pending(ResultSet rs, int row) throws SQLException {
        return new PendingMail(
                rs.getObject("id", UUID.class),
                rs.getString("recipient"),
                rs.getString("locale"),
                rs.getString("template"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getInt("attempts"));
    }

    /** PostgreSQL's driver binds {@code OffsetDateTime} to {@code timestamptz}; not {@code Instant}. */
    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
