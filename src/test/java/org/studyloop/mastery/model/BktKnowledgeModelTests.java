package org.studyloop.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;

class BktKnowledgeModelTests {

    /** Answer sequences drawn from the BKT process itself. */
    private static List<boolean[]> simulate(BktParameters p, int students, int length, long seed) {
        var random = new Random(seed);
        var sequences = new ArrayList<boolean[]>();
        for (int s = 0; s < students; s++) {
            var answers = new boolean[length];
            boolean learned = random.nextDouble() < p.initial();
            for (int t = 0; t < length; t++) {
                answers[t] = learned ? random.nextDouble() >= p.slip() : random.nextDouble() < p.guess();
                learned = learned ? random.nextDouble() >= p.forget() : random.nextDouble() < p.learn();
            }
            sequences.add(answers);
        }
        return sequences;
    }

    @Test
    void emRecoversTheParametersThatGeneratedTheAnswers() {
        var truth = new BktParameters(0.3, 0.15, 0, 0.2, 0.1);
        var fitted = BktFitting.fit(simulate(truth, 3000, 15, 7), false);

        assertThat(fitted.initial()).isCloseTo(0.3, within(0.03));
        assertThat(fitted.learn()).isCloseTo(0.15, within(0.02));
        assertThat(fitted.guess()).isCloseTo(0.2, within(0.02));
        assertThat(fitted.slip()).isCloseTo(0.1, within(0.02));
        assertThat(fitted.forget()).isZero();
    }

    @Test
    void emRecoversForgettingAndItFitsNewStudentsBetterThanBktWithout() {
        var truth = new BktParameters(0.4, 0.2, 0.1, 0.15, 0.1);
        var train = simulate(truth, 3000, 20, 11);
        var test = simulate(truth, 1000, 20, 12);
        var withForgetting = BktFitting.fit(train, true);
        var without = BktFitting.fit(train, false);

        assertThat(withForgetting.forget()).isCloseTo(0.1, within(0.03));
        assertThat(withForgetting.learn()).isCloseTo(0.2, within(0.04));
        assertThat(BktFitting.logLikelihood(test, withForgetting))
                .isGreaterThan(BktFitting.logLikelihood(test, without) + 20);
    }

    @Test
    void predictAndUpdateFollowBayesRuleOnATwoAnswerSequence() {
        var skills = ItemSkills.of(new int[][] {{0}, {0, 1}}, 2);
        var model = BktKnowledgeModel.of(new BktParameters(0.5, 0.2, 0, 0.2, 0.1), skills, true);
        var state = model.newState();

        // 0.5 · 0.9 + 0.5 · 0.2
        assertThat(model.predict(state, 0)).isCloseTo(0.55, within(1e-12));
        model.update(state, 0, true);
        // posterior 0.45 / 0.55 = 9/11, then learning: 9/11 + 2/11 · 0.2 = 0.854545…
        assertThat(model.mastery(state, 0).probability()).isCloseTo(0.8545454545, within(1e-9));
        // 0.854545 · 0.9 + 0.145455 · 0.2 = 0.798182; skill 1 unseen: 0.55; product 0.439
        assertThat(model.predict(state, 0)).isCloseTo(0.7981818182, within(1e-9));
        assertThat(model.predict(state, 1)).isCloseTo(0.7981818182 * 0.55, within(1e-9));

        model.update(state, 0, false);
        // posterior 0.0854545 / (0.0854545 + 0.145455 · 0.8) = 0.423423, then 0.423423 + 0.576577 · 0.2
        assertThat(model.mastery(state, 0).probability()).isCloseTo(0.5387387387, within(1e-9));
        assertThat(model.mastery(state, 0).answers()).isEqualTo(2);
        assertThat(model.mastery(state, 0).confidence()).isCloseTo(2 / 6.0, within(1e-12));
        assertThat(model.mastery(state, 1).probability()).isEqualTo(0.5);
        assertThat(model.mastery(state, 1).confidence()).isZero();
    }

    @Test
    void theMeanCombinationAveragesTheSkillsOfAnItem() {
        var skills = ItemSkills.of(new int[][] {{0, 1}}, 2);
        var model = BktKnowledgeModel.of(new BktParameters(0.5, 0.2, 0, 0.2, 0.1), skills, false);
        var state = model.newState();
        model.update(state, 0, true);

        // both skills answered once correctly: each 0.798182, their mean the same
        assertThat(model.predict(state, 0)).isCloseTo(0.7981818182, within(1e-9));
    }

    @Test
    void fittingOnALogChoosesACombinationAndPredictsWithinBounds() {
        var truth = new BktParameters(0.3, 0.15, 0, 0.2, 0.1);
        var random = new Random(5);
        var log = AttemptLog.builder();
        for (int s = 0; s < 1000; s++) {
            var learned = new boolean[] {random.nextDouble() < 0.3, random.nextDouble() < 0.3};
            for (int t = 0; t < 16; t++) {
                // 0: skill 0, 1: skill 1, 2: both, rare so that the skills' parameters come from the others
                int item = random.nextDouble() < 0.15 ? 2 : random.nextInt(2);
                boolean correct = (item == 2 || item == 0 ? answer(truth, learned[0], random) : true)
                        && (item == 2 || item == 1 ? answer(truth, learned[1], random) : true);
                log.add(s, item, correct);
                for (int k = 0; k < 2; k++) {
                    learned[k] |= (item == 2 || item == k) && random.nextDouble() < truth.learn();
                }
            }
        }
        var model = BktKnowledgeModel.bkt();
        model.fit(log.build(), ItemSkills.of(new int[][] {{0}, {1}, {0, 1}}, 2));

        // the answers were generated conjunctively
        assertThat(model.describe()).contains("several skills: product");
        var state = model.newState();
        assertThat(model.predict(state, 2)).isStrictlyBetween(0.0, 1.0);
        assertThat(model.predict(state, 7)).isStrictlyBetween(0.0, 1.0);
    }

    private static boolean answer(BktParameters p, boolean learned, Random random) {
        return learned ? random.nextDouble() >= p.slip() : random.nextDouble() < p.guess();
    }
}
