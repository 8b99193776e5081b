package org.studyloop.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.studyloop.mastery.AttemptLog;
import org.studyloop.mastery.ItemSkills;
import org.studyloop.mastery.KnowledgeModel;
import org.studyloop.mastery.StudentState;
import org.studyloop.mastery.SyntheticAnswers;

class KnowledgeModelTests {

    private static final SyntheticAnswers DATA = new SyntheticAnswers(500, 80, 6, 40, 0.08, 11);

    @ParameterizedTest
    @ValueSource(strings = {"best-lr-plus", "best-lr", "pfa", "elo", "online", "irt-1pl", "irt-2pl-min0"})
    void aFittedModelBeatsTheConstantPredictorOnNewStudents(String name) {
        var model = KnowledgeModels.create(name).orElseThrow();
        var train = DATA.log(0, 400);
        var test = DATA.log(400, 500);
        model.fit(train, DATA.itemSkills());

        var p = replay(model, test);
        var labels = new boolean[test.size()];
        double base = 0;
        for (int r = 0; r < test.size(); r++) {
            labels[r] = test.correct(r);
            base += labels[r] ? 1 : 0;
        }
        var constant = new double[test.size()];
        java.util.Arrays.fill(constant, base / test.size());

        // PFA has no item difficulty, the rest of the generating model's variance
        double floor = name.equals("pfa") ? 0.60 : 0.70;
        double margin = name.equals("pfa") ? 0.01 : 0.05;
        assertThat(Metrics.auc(p, labels)).as(model.describe()).isGreaterThan(floor);
        assertThat(Metrics.logLoss(p, labels)).isLessThan(Metrics.logLoss(constant, labels) - margin);
        for (double q : p) {
            assertThat(q).isStrictlyBetween(0.0, 1.0);
        }
    }

    @Test
    void theDefaultModelLearnsMoreThanPfaFromItemDifficulties() {
        var train = DATA.log(0, 400);
        var test = DATA.log(400, 500);
        var labels = new boolean[test.size()];
        for (int r = 0; r < test.size(); r++) {
            labels[r] = test.correct(r);
        }
        var best = KnowledgeModels.create(KnowledgeModels.DEFAULT).orElseThrow();
        var pfa = LogisticKnowledgeModel.pfa();
        best.fit(train, DATA.itemSkills());
        pfa.fit(train, DATA.itemSkills());
        assertThat(Metrics.auc(replay(best, test), labels))
                .isGreaterThan(Metrics.auc(replay(pfa, test), labels) + 0.02);
        assertThat(best.describe()).contains("lambda=", "validation AUC");
    }

    @Test
    void anUpdateTouchesOnlyTheSkillsOfTheItem() {
        var skills = ItemSkills.of(new int[][] {{1, 2}, {3}, {}}, 4);
        var log = AttemptLog.builder()
                .add(0, 0, true)
                .add(0, 1, false)
                .add(1, 1, true)
                .add(1, 0, false)
                .build();
        var model = new LogisticKnowledgeModel("test", LogisticKnowledgeModel.BEST_LR_PLUS, 1e-3);
        model.fit(log, skills);

        var state = model.newState();
        double before3 = model.mastery(state, 3).probability();
        model.update(state, 0, true);

        assertThat(LogisticKnowledgeModel.skillsHeld(state)).isEqualTo(2);
        assertThat(model.mastery(state, 1).answers()).isEqualTo(1);
        assertThat(model.mastery(state, 2).answers()).isEqualTo(1);
        assertThat(model.mastery(state, 3).answers()).isZero();
        assertThat(model.mastery(state, 3).confidence()).isZero();
        assertThat(model.mastery(state, 1).confidence()).isStrictlyBetween(0.0, 1.0);
        assertThat(state.answers()).isEqualTo(1);
        // skill 3 moves only through the student-level features, never through its own
        assertThat(model.mastery(state, 3).probability()).isNotNaN().isStrictlyBetween(0.0, 1.0);
        assertThat(before3).isStrictlyBetween(0.0, 1.0);
        // an item without skills, and one beyond the matrix, are still predicted and updated
        assertThat(model.predict(state, 2)).isStrictlyBetween(0.0, 1.0);
        assertThat(model.predict(state, 99)).isStrictlyBetween(0.0, 1.0);
        model.update(state, 99, true);
        assertThat(LogisticKnowledgeModel.skillsHeld(state)).isEqualTo(2);
    }

    @Test
    void masteryRisesWithSuccessesOnTheSkill() {
        var model = KnowledgeModels.create(KnowledgeModels.DEFAULT).orElseThrow();
        model.fit(DATA.log(0, 400), DATA.itemSkills());
        var strong = model.newState();
        var weak = model.newState();
        for (int n = 0; n < 8; n++) {
            int item = 6 * n; // items of skill 0
            model.update(strong, item, true);
            model.update(weak, item, false);
        }
        var high = model.mastery(strong, 0);
        var low = model.mastery(weak, 0);
        assertThat(high.probability()).isGreaterThan(low.probability() + 0.2);
        assertThat(high.confidence()).isEqualTo(low.confidence()).isGreaterThan(0.6);
    }

    @Test
    void timeFeaturesAreUsedWhenAnswersCarryTimesAndCaptureForgetting() {
        // sessions of answers a minute apart, 10 days between sessions; an answer within the hour
        // after practice on the skill is easier (P rises by a logit of 1.5)
        var random = new java.util.Random(21);
        var timed = AttemptLog.builder();
        var untimed = AttemptLog.builder();
        int items = 30;
        var difficulty = new double[items];
        for (int i = 0; i < items; i++) {
            difficulty[i] = random.nextGaussian();
        }
        for (int s = 0; s < 600; s++) {
            double ability = random.nextGaussian();
            long time = 0;
            var last = new long[3];
            java.util.Arrays.fill(last, Long.MIN_VALUE / 2);
            for (int n = 0; n < 40; n++) {
                time += random.nextDouble() < 0.25 ? 10 * 86_400 : 60;
                int item = random.nextInt(items);
                int skill = item % 3;
                double z = ability - difficulty[item] + (time - last[skill] < 3600 ? 1.5 : -0.5);
                boolean correct = random.nextDouble() < 1 / (1 + Math.exp(-z));
                timed.add(s, item, correct, time);
                untimed.add(s, item, correct);
                last[skill] = time;
            }
        }
        var matrix = new int[items][];
        for (int i = 0; i < items; i++) {
            matrix[i] = new int[] {i % 3};
        }
        var skills = ItemSkills.of(matrix, 3);
        var withTimes = timed.build();
        var withoutTimes = untimed.build();
        assertThat(withTimes.hasTimes()).isTrue();
        assertThat(withoutTimes.hasTimes()).isFalse();

        var trainTimed = withTimes.ofStudents(s -> s < 480);
        var testTimed = withTimes.ofStudents(s -> s >= 480);
        var timeModel = LogisticKnowledgeModel.bestLrPlus();
        timeModel.fit(trainTimed, skills);
        var plainModel = LogisticKnowledgeModel.bestLrPlus();
        plainModel.fit(withoutTimes.ofStudents(s -> s < 480), skills);
        assertThat(timeModel.describe()).contains(",time", "half_lives_s");
        assertThat(plainModel.describe()).doesNotContain(",time");

        var labels = new boolean[testTimed.size()];
        var pTime = new double[testTimed.size()];
        var pPlain = new double[testTimed.size()];
        var timeStates = new HashMap<Integer, StudentState>();
        var plainStates = new HashMap<Integer, StudentState>();
        for (int r = 0; r < testTimed.size(); r++) {
            int item = testTimed.item(r);
            var a = timeStates.computeIfAbsent(testTimed.student(r), k -> timeModel.newState());
            var b = plainStates.computeIfAbsent(testTimed.student(r), k -> plainModel.newState());
            labels[r] = testTimed.correct(r);
            pTime[r] = timeModel.predict(a, item, testTimed.time(r));
            pPlain[r] = plainModel.predict(b, item);
            timeModel.update(a, item, labels[r], testTimed.time(r));
            plainModel.update(b, item, labels[r]);
        }
        assertThat(Metrics.auc(pTime, labels)).isGreaterThan(Metrics.auc(pPlain, labels) + 0.02);
    }

    @Test
    void unknownModelNamesAreEmpty() {
        assertThat(KnowledgeModels.create("dkt")).isEmpty();
        assertThat(KnowledgeModels.names()).contains(KnowledgeModels.DEFAULT);
    }

    private static double[] replay(KnowledgeModel model, AttemptLog log) {
        var p = new double[log.size()];
        var states = new HashMap<Integer, StudentState>();
        for (int r = 0; r < log.size(); r++) {
            var state = states.computeIfAbsent(log.student(r), s -> model.newState());
            p[r] = model.predict(state, log.item(r));
            model.update(state, log.item(r), log.correct(r));
        }
        return p;
    }
}
