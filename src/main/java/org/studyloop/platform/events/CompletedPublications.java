package org.studyloop.platform.events;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets completed event publications once they are older than {@code
 * studyloop.events.completed-retention} (a week by default). Spring Modulith's registry keeps a row
 * per listener for every event — one per recorded answer, for instance — and marks it completed
 * instead of removing it (its default completion mode), so that a completed row is a receipt that
 * the listener ran; nothing else ever removes them, and the table and its indexes would grow with
 * every answer ever given. Incomplete publications are never touched: they are what a restart
 * resubmits.
 */
@Component
class CompletedPublications {

    private static final Logger log = LoggerFactory.getLogger(CompletedPublications.class);

    private final CompletedEventPublications completed;
    private final Duration retention;

    CompletedPublications(CompletedEventPublications completed, EventsProperties properties) {
        this.completed = completed;
        this.retention = properties.completedRetention();
    }

    /** Daily; deleting what another instance already deleted is a no-op. */
    @Scheduled(cron = "0 37 3 * * *", zone = "UTC")
    void prune() {
        completed.deletePublicationsOlderThan(retention);
        log.info("Forgot completed event publications older than {}", retention);
    }
}
