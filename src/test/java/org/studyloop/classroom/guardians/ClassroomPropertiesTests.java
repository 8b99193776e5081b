package org.studyloop.classroom.guardians;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The guardian-code lifetime: 48 hours unless set, and never open-ended. */
class ClassroomPropertiesTests {

    private static ClassroomProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("studyloop.classroom", ClassroomProperties.class);
    }

    @Test
    void guardianCodesLiveFortyEightHoursByDefault() {
        assertThat(bind(Map.of()).guardianCodeLifetime()).isEqualTo(Duration.ofHours(48));
        assertThat(bind(Map.of("studyloop.classroom.guardian-code-lifetime", "2h"))
                        .guardianCodeLifetime())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aLifetimeOfNothingOrOverAWeekIsRefusedAtStartUp() {
        for (var refused : new String[] {"0s", "-1h", "8d"}) {
            assertThatThrownBy(() -> bind(Map.of("studyloop.classroom.guardian-code-lifetime", refused)))
                    .isInstanceOf(BindException.class)
                    .rootCause()
                    .hasMessageContaining("at most 7 days");
        }
    }
}
