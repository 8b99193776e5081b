package org.studyloop.mail.outbox;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When delivery runs: right after the sender's transaction commits, and in a periodic sweep that
 * picks up whatever that missed (a mail server that was down, a crash after commit, a restart).
 */
@Component
class DeliveryTriggers {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTriggers.class);

    private final Delivery delivery;

    DeliveryTriggers(Delivery delivery) {
        this.delivery = delivery;
    }

    /**
     * Delivers a new mail once it is committed, on another thread: the sender's request does not
     * wait for the mail server, nor does its response time then show whether a mail went out.
     * Errors are left to the sweep, which retries from the row; the event itself needs no retry,
     * so this method never throws and Spring Modulith marks its publication complete.
     */
    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onQueued(MailQueued queued) {
        try {
            delivery.deliver(queued.id());
        } catch (RuntimeException e) {
            log.warn("Mail {} not delivered after commit ({}); the sweep will retry it", queued.id(), name(e));
        }
    }

    /**
     * Retries pending mail that is due. Safe on any number of instances: each takes rows the
     * others have not locked ({@link Outbox}).
     */
    @Scheduled(
            initialDelayString = "${studyloop.mail.sweep-interval:30s}",
            fixedDelayString = "${studyloop.mail.sweep-interval:30s}")
    void sweep() {
        try {
            var attempted = delivery.deliverDue(Instant.now());
            if (attempted > 0) {
                log.debug("Mail sweep attempted {} mails", attempted);
            }
        } catch (RuntimeException e) {
            log.warn("Mail sweep failed ({}); the next one will retry", name(e));
        }
    }

    /** An error by its class names only: messages of mail and SQL errors may hold an address. */
    private static String name(Exception e) {
        var cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause == e
                ? e.getClass().getName()
                : e.getClass().getName() + " / " + cause.getClass().getName();
    }
}
