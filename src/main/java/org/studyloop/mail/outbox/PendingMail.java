package org.studyloop.mail.outbox;

import java.util.UUID;

/**
 * A mail of the outbox that is due for delivery, as read under its row lock.
 *
 * @param attempts delivery attempts made before this one
 */
record PendingMail(
        UUID id, String recipient, String locale, String template, String subject, String body, int attempts) {}
