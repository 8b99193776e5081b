package org.studyloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.studyloop.shared.SimulatedTime;

/** One clock for every module, so that tests can move time instead of waiting for it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return new ApplicationClock(ZoneOffset.UTC);
    }

    /** UTC time, or the moment {@link SimulatedTime} pins on the calling thread. */
    static final class ApplicationClock extends Clock {

        private final ZoneId zone;
        private final Clock system;

        ApplicationClock(ZoneId zone) {
            this.zone = zone;
            this.system = Clock.system(zone);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new ApplicationClock(zone);
        }

        @Override
        public Instant instant() {
            return SimulatedTime.pinned().orElseGet(system::instant);
        }

        @Override
        public long millis() {
            return instant().toEpochMilli();
        }
    }
}
