package org.studyloop.mail.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.studyloop.shared.LogMarkers;

/**
 * The outbox mode, when no SMTP server is configured: the mail is written to the log on one line,
 * {@code MAIL to=<address> subject="<subject>" text=<body>}, each line break of the body shown as
 * {@code " | "}, so a developer can follow a verification or reset link (API.md). The line is
 * marked {@link LogMarkers#UNMASKED}: the masking log encoder would otherwise hide the address and
 * token it exists to show. The row keeps its body, so the table is the outbox to read as well.
 */
final class LogTransport implements Transport {

    /** A logger name of its own, so that operators can route or silence these lines alone. */
    static final String LOGGER = "studyloop.mail.outbox";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public MailStatus deliver(PendingMail mail) {
        // Passed as an argument, not as the format: a body may contain "{}".
        log.info(LogMarkers.UNMASKED, "{}", line(mail));
        return MailStatus.LOGGED;
    }

    static String line(PendingMail mail) {
        return "MAIL to=" + mail.recipient() + " subject=\"" + mail.subject() + "\" text="
                + mail.body().replaceAll("\\R", " | ");
    }
}
