package org.studyloop.mail;

/**
 * Sends mail for every module, through a transactional outbox: {@link #send} only stores the mail
 * in the caller's transaction; delivery starts after that transaction commits, and is retried
 * until it succeeds or a configured number of attempts is spent. A rolled-back transaction
 * therefore sends nothing, and a committed one always sends, even across a crash.
 *
 * <p>Delivery is asynchronous: it starts on another thread after the commit, so a caller's
 * response time does not depend on the mail server, nor reveal whether a mail was sent (a password
 * reset for an unknown address must look like any other, API.md).
 */
public interface Mailer {

    /**
     * Renders the mail's template now and stores the mail for delivery after commit.
     *
     * @throws IllegalArgumentException when the template is unknown or a value it needs is missing:
     *     programming errors, found on the first call rather than in a mail nobody can read
     * @throws org.springframework.transaction.IllegalTransactionStateException when no
     *     transaction is active: without the caller's transaction the outbox guarantees nothing
     */
    void send(OutgoingMail mail);
}
