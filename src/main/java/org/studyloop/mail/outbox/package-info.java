/**
 * The mail module's internals: the outbox table, templates, and delivery over SMTP or to the log.
 */
@NullMarked
package org.studyloop.mail.outbox;

import org.jspecify.annotations.NullMarked;
