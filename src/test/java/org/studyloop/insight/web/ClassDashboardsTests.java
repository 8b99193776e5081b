package org.studyloop.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.SkillId;
import org.studyloop.mastery.RiskAssessment;
import org.studyloop.mastery.RiskLevel;
import org.studyloop.mastery.RiskReason;

class ClassDashboardsTests {

    @Test
    void eachReasonGetsAConcreteIntervention() {
        var risk = new RiskAssessment(
                RiskLevel.HIGH,
                List.of(
                        new RiskReason(RiskReason.Signal.INACTIVE, RiskLevel.MEDIUM, "No practice for 9 days.", 9),
                        new RiskReason(RiskReason.Signal.FALLING, RiskLevel.MEDIUM, "Course mastery fell.", 0.08),
                        new RiskReason(RiskReason.Signal.BELOW_TARGET, RiskLevel.MEDIUM, "Forecast low.", 0.419)),
                Optional.of(new SkillId(UUID.randomUUID())),
                Optional.of("Quadratic equations"));
        assertThat(ClassDashboards.interventions("Ana", risk))
                .containsExactly(
                        "Check in with Ana: no practice for 9 days; agree on a short session this week.",
                        "Assign a review quiz on Quadratic equations: course mastery is falling.",
                        "Set Ana a weekly practice goal and assign adaptive practice on Quadratic equations;"
                                + " the forecast is 41%.");
    }
}
