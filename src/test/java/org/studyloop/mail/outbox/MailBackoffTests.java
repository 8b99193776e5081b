package org.studyloop.mail.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailBackoffTests {

    private final MailSettings settings = new MailSettings(
            "StudyLoop <no-reply@localhost>",
            Duration.ofSeconds(30),
            10,
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            100);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoffAfter(7)).isEqualTo(Duration.ofMinutes(32));
        assertThat(settings.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(1_000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void nonsenseSettingsAreRefusedAtStartUp() {
        var interval = Duration.ofSeconds(30);
        assertThatThrownBy(() -> new MailSettings("x", interval, 0, interval, interval, 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("x", interval, 10, Duration.ofHours(2), Duration.ofHours(1), 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("x", interval, 10, Duration.ZERO, Duration.ofHours(1), 100))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
