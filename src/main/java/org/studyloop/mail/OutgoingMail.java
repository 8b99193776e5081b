package org.studyloop.mail;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One mail to send: who gets it, in which language, and what goes into its template.
 *
 * @param to the recipient's address, for example {@code ada@example.org}
 * @param locale the recipient's language; English, French and Spanish are written, any other
 *     language gets English
 * @param template the template's name, one of {@code verify-email}, {@code password-reset},
 *     {@code guardian-linked}, {@code student-at-risk}; an unknown name is a programming error, refused by {@link
 *     Mailer#send}
 * @param values what the template fills in ({@code name}, {@code link}, {@code expiresHours}...);
 *     each template lists the values it needs
 */
public record OutgoingMail(String to, Locale locale, String template, Map<String, String> values) {

    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets, angle brackets included. */
    private static final int MAX_ADDRESS_LENGTH = 254;

    /**
     * One address: something, one {@code @}, something; no space or control character, in the
     * Unicode sense, so that U+2028 or U+0085 cannot break a line either.
     */
    private static final Pattern ADDRESS =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+", Pattern.UNICODE_CHARACTER_CLASS);

    public OutgoingMail {
        // Refused here, not at delivery: a line break in an address would forge a log line in the
        // outbox mode and a header in SMTP mode, and a blank one could never be delivered.
        if (to.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(to).matches()) {
            throw new IllegalArgumentException("Not a mail address: it must be one address without spaces");
        }
        values = Map.copyOf(values);
    }
}
