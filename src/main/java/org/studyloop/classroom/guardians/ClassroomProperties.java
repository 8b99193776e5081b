package org.studyloop.classroom.guardians;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the classroom module under {@code studyloop.classroom}.
 *
 * @param guardianCodeLifetime how long a guardian code can be redeemed: long enough to reach a
 *     parent over a weekend, short enough that a code in an old message is useless. At most 7 days.
 */
@ConfigurationProperties("studyloop.classroom")
public record ClassroomProperties(@DefaultValue("48h") Duration guardianCodeLifetime) {

    static final Duration LONGEST_CODE_LIFETIME = Duration.ofDays(7);

    public ClassroomProperties {
        if (guardianCodeLifetime.isNegative()
                || guardianCodeLifetime.isZero()
                || guardianCodeLifetime.compareTo(LONGEST_CODE_LIFETIME) > 0) {
            throw new IllegalArgumentException(
                    "studyloop.classroom.guardian-code-lifetime must be positive and at most 7 days");
        }
    }
}
