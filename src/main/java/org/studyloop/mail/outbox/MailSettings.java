package org.studyloop.mail.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator's mail settings under {@code studyloop.mail.*}. The SMTP server itself is Spring
 * Boot's {@code spring.mail.*}: setting {@code spring.mail.host} switches from the log outbox to
 * SMTP.
 *
 * @param from the From header of every mail, with a display name
 * @param sweepInterval how often undelivered mail is looked for (read by the {@code @Scheduled}
 *     sweep through its placeholder; bound here to be validated and documented in one place)
 * @param maxAttempts delivery attempts before a mail is given up as FAILED
 * @param initialBackoff the wait after the first failed attempt, doubled after each further
 *     one; also how long a new mail is left to the delivery that follows its commit before the
 *     sweep takes it over
 * @param maxBackoff the longest wait between two attempts
 * @param batchSize the most mails one sweep delivers, so that one run stays short
 */
@ConfigurationProperties("studyloop.mail")
record MailSettings(
        @DefaultValue("StudyLoop <no-reply@localhost>") String from,
        @DefaultValue("30s") Duration sweepInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("100") int batchSize) {

    MailSettings {
        if (maxAttempts < 1 || batchSize < 1) {
            throw new IllegalArgumentException("studyloop.mail.max-attempts and batch-size must be at least 1");
        }
        // A zero back-off would make a failed mail due again at once, and the sweep would spend its
        // attempts in one go.
        if (!initialBackoff.isPositive() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(
                    "studyloop.mail.initial-backoff must be positive and max-backoff at least as long");
        }
        if (!sweepInterval.isPositive()) {
            throw new IllegalArgumentException("studyloop.mail.sweep-interval must be positive");
        }
    }

    /**
     * The wait before the next attempt once {@code attempts} have failed: exponential back-off
     * (initial, 2×, 4×, ...) capped at {@link #maxBackoff}, so a mail server that is down for an
     * hour is not hammered, and one that is back soon is tried again soon.
     */
    Duration backoffAfter(int attempts) {
        if (attempts <= 1) {
            return initialBackoff;
        }
        // Shifting past 30 bits would overflow; by then the cap has long applied.
        var factor = 1L << Math.min(attempts - 1, 30);
        var delay = initialBackoff.multipliedBy(factor);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
