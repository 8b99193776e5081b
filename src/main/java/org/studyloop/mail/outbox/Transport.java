package org.studyloop.mail.outbox;

/**
 * How mail leaves StudyLoop: over SMTP when a server is configured, otherwise to the log. Chosen
 * once at start-up by {@link MailConfiguration}.
 */
sealed interface Transport permits SmtpTransport, LogTransport {

    /**
     * Delivers one mail, or throws when it could not be delivered this time.
     *
     * @return the status the mail takes: {@link MailStatus#SENT} or {@link MailStatus#LOGGED}
     */
    MailStatus deliver(PendingMail mail) throws Exception;
}
