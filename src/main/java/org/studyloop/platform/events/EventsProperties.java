package org.studyloop.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param completedRetention how long a completed event publication is kept as the receipt that its
 *     listener ran ({@code STUDYLOOP_EVENTS_COMPLETED_RETENTION}, a week by default)
 */
@ConfigurationProperties("studyloop.events")
record EventsProperties(@DefaultValue("7d") Duration completedRetention) {

    EventsProperties {
        if (completedRetention.isNegative()) {
            throw new IllegalArgumentException(
                    "studyloop.events.completed-retention must not be negative, was " + completedRetention);
        }
    }
}
