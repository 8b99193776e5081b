package org.studyloop.mail.outbox;

import java.util.Locale;

/**
 * A template filled in for one recipient.
 *
 * @param locale the language it was written in: the one asked for, or English
 * @param subject one line
 * @param body plain text, lines separated by {@code \n}
 */
record RenderedMail(Locale locale, String subject, String body) {}
