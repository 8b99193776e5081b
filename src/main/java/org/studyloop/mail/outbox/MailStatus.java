package org.studyloop.mail.outbox;

/** Where a mail of the outbox stands; stored by name in {@code mail.outbox.status}. */
enum MailStatus {
    /** Stored, not yet delivered: the after-commit delivery or the sweep will try it. */
    PENDING,
    /** Accepted by the SMTP server; its body has been erased. */
    SENT,
    /** Written to the log because no SMTP server is configured; its body is kept to be read. */
    LOGGED,
    /** Given up after the configured number of attempts; its body has been erased too. */
    FAILED
}
