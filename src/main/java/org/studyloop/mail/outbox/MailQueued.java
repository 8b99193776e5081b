package org.studyloop.mail.outbox;

import java.util.UUID;

/**
 * A mail was stored in the outbox; published inside the sender's transaction so that its delivery
 * starts only once that transaction has committed. Internal to the mail module.
 */
record MailQueued(UUID id) {}
