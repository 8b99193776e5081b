package org.studyloop.mail.outbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One delivery attempt per mail, each in its own short transaction that holds the mail's row lock
 * while the transport runs: another instance skips the row rather than sending it again, and the
 * outcome is committed with the attempt. A crash between the server's acceptance and that commit
 * sends the mail once more on the next attempt: at least once, never lost.
 */
@Component
class Delivery {

    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Outbox outbox;
    private final Transport transport;
    private final MailSettings settings;
    private final TransactionTemplate transactions;

    Delivery(Outbox outbox, Transport transport, MailSettings settings, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.transport = transport;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        // Called after the sender's commit too, where its connection may still be bound to the
        // thread: a new transaction, never theirs (TransactionSynchronization#afterCommit).
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Delivers this mail if it is still pending and no one else is delivering it. */
    void deliver(UUID id) {
        transactions.executeWithoutResult(status -> outbox.lockPending(id).ifPresent(this::attempt));
    }

    /**
     * Delivers, one by one, the pending mails due by {@code dueBy}, at most a batch and each at
     * most once: a mail that fails is due again after its back-off, which a run asked for a later
     * time would otherwise reach at once.
     *
     * @return how many mails were attempted
     */
    int deliverDue(Instant dueBy) {
        var attempted = new HashSet<UUID>();
        while (attempted.size() < settings.batchSize()) {
            var more = transactions.execute(status -> {
                var mail = outbox.lockNextDue(dueBy);
                if (mail.isEmpty() || !attempted.add(mail.get().id())) {
                    return false;
                }
                attempt(mail.get());
                return true;
            });
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        return attempted.size();
    }

    private void attempt(PendingMail mail) {
        MailStatus delivered;
        try {
            delivered = transport.deliver(mail);
        } catch (Exception e) {
            failed(mail, e);
            return;
        }
        outbox.markDelivered(mail.id(), delivered, Instant.now());
    }

    /**
     * Records a failed attempt. The error is kept as its most specific class name only: the
     * messages of mail exceptions name the recipient, and logs and tables carry no address.
     */
    private void failed(PendingMail mail, Exception e) {
        var error = NestedExceptionUtils.getMostSpecificCause(e).getClass().getName();
        var attempts = mail.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            outbox.markFailed(mail.id(), error);
            log.warn(
                    "Mail {} ({}) given up after {} attempts; last error {}",
                    mail.id(),
                    mail.template(),
                    attempts,
                    error);
            return;
        }
        var next = Instant.now().plus(settings.backoffAfter(attempts));
        outbox.markRetry(mail.id(), error, next);
        log.warn(
                "Mail {} ({}) not delivered on attempt {} of {} ({}); next attempt at {}",
                mail.id(),
                mail.template(),
                attempts,
                settings.maxAttempts(),
                error,
                next);
    }
}
