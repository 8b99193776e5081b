/**
 * Outgoing mail. The top-level package is the module's API: {@link org.studyloop.mail.Mailer} and
 * the {@link org.studyloop.mail.OutgoingMail} it takes. A mail is stored in the caller's
 * transaction (a transactional outbox, table {@code mail.outbox}) and delivered after commit: over
 * SMTP when {@code spring.mail.host} is set, otherwise written to the log on one line beginning
 * {@code MAIL to=} and kept in the table for a developer to read.
 */
@ApplicationModule(displayName = "Mail")
@NullMarked
package org.studyloop.mail;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
