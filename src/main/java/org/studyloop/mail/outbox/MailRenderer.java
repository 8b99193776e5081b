package org.studyloop.mail.outbox;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Fills in the mail templates: Thymeleaf TEXT templates in {@code templates/mail/<name>.txt},
 * their words in {@code i18n/mail*.properties}. A template's first line is the subject, then one
 * blank line, then the body, as in a message of RFC 5322 §2.1 with a single header.
 *
 * <p>The template engine and its message source are this module's own objects, not beans: a
 * {@code SpringTemplateEngine} bean would make Boot's web one back off, and a second {@code
 * MessageSource} bean would make injection of the application's one ambiguous.
 */
@Component
class MailRenderer {

    /** The languages the mails are written in; English is the base bundle and the fallback. */
    static final Set<Locale> LANGUAGES = Set.of(Locale.ENGLISH, Locale.FRENCH, Locale.of("es"));

    /** Each template and the values it needs: a missing one would leave a hole in the mail. */
    static final Map<String, Set<String>> TEMPLATES = Map.of(
            "verify-email",
            Set.of("name", "link", "expiresHours"),
            "password-reset",
            Set.of("name", "link", "expiresHours"),
            "guardian-linked",
            Set.of("name", "guardianName"),
            "student-at-risk",
            Set.of("name", "studentName", "link", "inactiveDays", "fallPoints", "forecast"));

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailRenderer() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        // The base bundle is English: a language without a bundle gets it, whatever the server's.
        messages.setFallbackToSystemLocale(false);
        // Every message goes through MessageFormat, so an apostrophe is always written '' and
        // never depends on whether the message happens to have arguments.
        messages.setAlwaysUseMessageFormat(true);
        var templates = new ClassLoaderTemplateResolver();
        templates.setPrefix("templates/mail/");
        templates.setSuffix(".txt");
        templates.setTemplateMode(TemplateMode.TEXT);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The language a mail for {@code wanted} is written in: its language if written, else English. */
    static Locale language(Locale wanted) {
        var language = Locale.of(wanted.getLanguage());
        return LANGUAGES.contains(language) ? language : Locale.ENGLISH;
    }

    /**
     * @throws IllegalArgumentException for an unknown template, a missing value, or a value the
     *     template cannot use (an {@code expiresHours} that is not a whole number)
     */
    RenderedMail render(String template, Locale wanted, Map<String, String> values) {
        var needed = TEMPLATES.get(template);
        if (needed == null) {
            throw new IllegalArgumentException(
                    "Unknown mail template '" + template + "'; known: " + new TreeSet<>(TEMPLATES.keySet()));
        }
        var missing = new TreeSet<>(needed);
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Mail template '" + template + "' needs the values " + missing);
        }
        var locale = language(wanted);
        String text;
        try {
            text = engine.process(template, new Context(locale, oneLineEach(values)));
        } catch (TemplateProcessingException e) {
            throw new IllegalArgumentException("Mail template '" + template + "' could not be filled in", e);
        }
        return split(locale, text.replace("\r\n", "\n").stripLeading());
    }

    /**
     * Each value on one line: a line break in a display name could otherwise end the subject
     * (RFC 5322 §2.2: a header is one line) or forge a paragraph of the body. (?U) makes \s cover
     * Unicode line separators too.
     */
    private static Map<String, Object> oneLineEach(Map<String, String> values) {
        var oneLine = new HashMap<String, Object>();
        values.forEach((name, value) -> oneLine.put(name, value.replaceAll("(?U)[\\s\\p{Cntrl}]+", " ")));
        return oneLine;
    }

    private static RenderedMail split(Locale locale, String text) {
        var end = text.indexOf('\n');
        if (end < 0) {
            throw new IllegalStateException("A mail template starts with its subject line, then a blank line");
        }
        var subject = text.substring(0, end).strip();
        var body = text.substring(end + 1).strip();
        return new RenderedMail(locale, subject, body);
    }
}
