package org.studyloop.mail.outbox;

import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.studyloop.mail.Mailer;
import org.studyloop.mail.OutgoingMail;

/**
 * The {@link Mailer}: the transactional-outbox pattern. {@code send} renders the mail and inserts
 * it as PENDING in the caller's transaction, and publishes {@link MailQueued}, whose listener
 * delivers it once that transaction has committed ({@link DeliveryTriggers}). If the caller rolls
 * back, the row and the event go with it and nothing is sent.
 */
@Service
class OutboxMailer implements Mailer {

    private final MailRenderer renderer;
    private final Outbox outbox;
    private final MailSettings settings;
    private final ApplicationEventPublisher events;

    OutboxMailer(MailRenderer renderer, Outbox outbox, MailSettings settings, ApplicationEventPublisher events) {
        this.renderer = renderer;
        this.outbox = outbox;
        this.settings = settings;
        this.events = events;
    }

    /**
     * MANDATORY: called without a transaction, the row would commit on its own and a later
     * failure of the caller could no longer withdraw the mail.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(OutgoingMail mail) {
        var rendered = renderer.render(mail.template(), mail.locale(), mail.values());
        var now = Instant.now();
        // The sweep leaves a new mail to the after-commit delivery for one back-off period, so the
        // two do not contend for it; after a crash, the sweep sends it then.
        var id = outbox.insert(
                mail.to(),
                rendered.locale().toLanguageTag(),
                mail.template(),
                rendered,
                now,
                now.plus(settings.initialBackoff()));
        events.publishEvent(new MailQueued(id));
    }
}
