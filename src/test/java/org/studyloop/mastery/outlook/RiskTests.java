package org.studyloop.mastery.outlook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason.Signal;
import org.studyloop.mastery.online.MasteryProperties;

class RiskTests {

    static final MasteryProperties.Outlook RULES = MasteryProperties.Outlook.defaults();
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final Forecast.Point GOOD = new Forecast.Point(90, 0.75, 0.65, 0.85);

    private static Risk assess(int idleDays, Optional<Double> before, double mastery, Forecast.Point target) {
        return Risk.assess(
                new Risk.Facts(40, Optional.of(NOW.minus(Duration.ofDays(idleDays))), mastery, before, target),
                NOW,
                RULES);
    }

    @Test
    void anActiveStudentOnCourseIsLowWithAReason() {
        var risk = assess(0, Optional.of(0.5), 0.55, GOOD);
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons()).singleElement().satisfies(r -> {
            assertThat(r.signal()).isEqualTo(Signal.ON_TRACK);
            assertThat(r.text()).startsWith("On track: practised today");
        });
    }

    @Test
    void inactivityIsMediumAfterAWeekAndHighAfterTwo() {
        assertThat(assess(9, Optional.empty(), 0.5, GOOD).level()).isEqualTo(RiskLevel.MEDIUM);
        var high = assess(15, Optional.empty(), 0.5, GOOD);
        assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(high.texts()).containsExactly("No practice for 15 days.");
    }

    @Test
    void fallingMasteryAndAForecastBelowTargetEachCountAndTogetherMakeItHigh() {
        var falling = assess(1, Optional.of(0.6), 0.53, GOOD);
        assertThat(falling.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(falling.texts().getFirst()).contains("fell from 60% to 53%");
        var below = assess(1, Optional.empty(), 0.4, new Forecast.Point(90, 0.5, 0.4, 0.7));
        assertThat(below.level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(below.texts().getFirst()).contains("below the 60% target");
        var both = assess(1, Optional.of(0.6), 0.53, new Forecast.Point(90, 0.5, 0.4, 0.7));
        assertThat(both.level()).isEqualTo(RiskLevel.HIGH);
        var hopeless = assess(1, Optional.empty(), 0.1, new Forecast.Point(90, 0.3, 0.2, 0.4));
        assertThat(hopeless.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(hopeless.texts().getFirst()).contains("even at the top of its range");
    }

    @Test
    void noAnswersIsLowAndSaysSo() {
        var risk = Risk.assess(new Risk.Facts(0, Optional.empty(), 0, Optional.empty(), GOOD), NOW, RULES);
        assertThat(risk.level()).isEqualTo(RiskLevel.LOW);
        assertThat(risk.reasons().getFirst().signal()).isEqualTo(Signal.NO_ANSWERS);
    }
}
