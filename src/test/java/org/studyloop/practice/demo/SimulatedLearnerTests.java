package org.studyloop.practice.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.SkillId;
import org.studyloop.practice.demo.SimulatedLearner.Profile;

class SimulatedLearnerTests {

    private static final List<SkillId> SKILL = List.of(new SkillId(UUID.randomUUID()));

    private final SimulatedLearner learner = new SimulatedLearner(new Profile(-1.0, 0.5, 0.6, 10, 0.3, 14));

    @Test
    void theChanceStaysBetweenTheGuessAndOneMinusTheSlip() {
        assertThat(learner.chance(SKILL, 40, 0.25, 0, 0)).isCloseTo(0.25, offset(1e-6));
        assertThat(learner.chance(SKILL, -40, 0.25, 0, 0)).isCloseTo(1 - SimulatedLearner.SLIP, offset(1e-6));
    }

    @Test
    void practiceRaisesTheChanceSuccessesMoreThanFailuresAndHintsHelp() {
        var before = learner.chance(SKILL, 0, 0, 0, 0);
        var failing = new SimulatedLearner(learner.profile());
        for (var i = 0; i < 5; i++) {
            learner.learn(SKILL, true, 0);
            failing.learn(SKILL, false, 0);
        }
        assertThat(failing.chance(SKILL, 0, 0, 0, 0)).isGreaterThan(before);
        assertThat(learner.chance(SKILL, 0, 0, 0, 0)).isGreaterThan(failing.chance(SKILL, 0, 0, 0, 0));
        assertThat(learner.chance(SKILL, 0, 0, 1, 0)).isGreaterThan(learner.chance(SKILL, 0, 0, 0, 0));
    }

    @Test
    void practiceFadesWithTheDaysSinceAndHardItemsAreHarder() {
        for (var i = 0; i < 5; i++) {
            learner.learn(SKILL, true, 0);
        }
        var sameDay = learner.chance(SKILL, 0, 0, 0, 0);
        var monthLater = learner.chance(SKILL, 0, 0, 0, 30);
        assertThat(monthLater).isLessThan(sameDay).isGreaterThan(learner.chance(List.of(), 0, 0, 0, 30));
        assertThat(learner.chance(SKILL, 1.5, 0, 0, 0)).isLessThan(sameDay);
    }

    @Test
    void nobodyPractisesAfterTheirLastDayAndTheDiligentPractiseMoreOften() {
        var random = new Random(1);
        var diligent = new SimulatedLearner(new Profile(0, 0.5, 0.9, 10, 0.3, 20));
        var casual = new SimulatedLearner(new Profile(0, 0.5, 0.3, 10, 0.3, 20));
        assertThat(learner.practisesOn(15, random)).isFalse();
        var diligentDays = 0;
        var casualDays = 0;
        for (var day = 0; day < 200; day++) {
            diligentDays += diligent.practisesOn(day % 21, random) ? 1 : 0;
            casualDays += casual.practisesOn(day % 21, random) ? 1 : 0;
        }
        assertThat(diligentDays).isGreaterThan(casualDays);
    }
}
