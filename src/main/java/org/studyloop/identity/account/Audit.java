package org.studyloop.identity.account;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.studyloop.shared.Audited;

/** Publishes the identity module's audit events; the privacy module keeps them. */
@Component
class Audit {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    Audit(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    void record(
            String action,
            @Nullable UUID actor,
            @Nullable UUID subject,
            @Nullable String clientAddress,
            Map<String, String> details) {
        events.publishEvent(new Audited(action, actor, subject, clientAddress, details, clock.instant()));
    }
}
