package org.studyloop.mastery.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.ItemId;
import org.studyloop.catalog.SkillId;
import org.studyloop.identity.UserId;
import org.studyloop.mastery.fsrs.Fsrs;
import org.studyloop.mastery.fsrs.Rating;
import org.studyloop.mastery.model.TraceModel;
import org.studyloop.mastery.online.ItemCalibration;
import org.studyloop.mastery.online.LearnerSnapshot;
import org.studyloop.mastery.online.ModelParameters;
import org.studyloop.practice.LearnerModel;
import org.studyloop.practice.SessionMode;

/** What one answer does to a student's state: the maths of the answer path, without a database. */
class AnswerUpdateTests {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final UserId STUDENT = new UserId(UUID.randomUUID());
    private static final SkillId A = new SkillId(UUID.randomUUID());
    private static final SkillId B = new SkillId(UUID.randomUUID());
    private static final ModelParameters.Version DEFAULTS =
            new ModelParameters.Version(0, Instant.EPOCH, TraceModel.defaults(), Map.of());
    private static final Fsrs FSRS = Fsrs.withDefaults(0.9);
    private static final Duration QUICK = Duration.ofSeconds(10);

    private static LearnerModel.Evidence answer(List<SkillId> skills, boolean correct, int hints, Instant at) {
        var item = new ItemId(UUID.randomUUID());
        return new LearnerModel.Evidence(
                STUDENT,
                item,
                item,
                skills,
                Optional.empty(),
                correct,
                correct ? 1.0 - hints / 3.0 : 0,
                hints,
                2,
                Duration.ofSeconds(20),
                at,
                SessionMode.ADAPTIVE);
    }

    private static AnswerUpdate apply(LearnerSnapshot before, LearnerModel.Evidence evidence) {
        return AnswerUpdate.of(before, evidence, ItemCalibration.Params.prior(0), DEFAULTS, FSRS, QUICK);
    }

    @Test
    void masteryRisesAfterEveryRightAnswerAndFallsAfterEveryWrongOne() {
        var random = new Random(5);
        var state = LearnerSnapshot.empty(STUDENT);
        for (int n = 0; n < 300; n++) {
            boolean correct = random.nextDouble() < 0.7;
            var skills = random.nextBoolean() ? List.of(A) : List.of(A, B);
            var update = apply(state, answer(skills, correct, random.nextInt(3) == 0 ? 1 : 0, T0.plusSeconds(40L * n)));
            assertThat(update.changes()).hasSize(skills.size());
            for (var change : update.changes()) {
                if (correct) {
                    assertThat(change.after()).as("answer %d", n).isGreaterThan(change.before());
                } else {
                    assertThat(change.after()).as("answer %d", n).isLessThan(change.before());
                }
                assertThat(change.after()).isBetween(0.0, 1.0);
            }
            state = update.after();
        }
        assertThat(state.learner().answers()).isEqualTo(300);
        assertThat(state.skills().get(A).trace().answers()).isEqualTo(300);
        assertThat(state.skills().get(A).confidence()).isGreaterThan(0.95);
    }

    @Test
    void aRightAnswerAfterHintsCountsLessThanOneWithout() {
        var start = LearnerSnapshot.empty(STUDENT);
        var helped = apply(start, answer(List.of(A), true, 2, T0)).changes().getFirst();
        var alone = apply(start, answer(List.of(A), true, 0, T0)).changes().getFirst();
        assertThat(helped.after()).isGreaterThan(helped.before()).isLessThan(alone.after());
        assertThat(apply(start, answer(List.of(A), true, 2, T0)).rating()).isEqualTo(Rating.HARD);
    }

    @Test
    void aNewStudentStartsBelowTheMasteryBarAndReachesItWithRightAnswers() {
        var state = LearnerSnapshot.empty(STUDENT);
        double first = DEFAULTS.model().mastery(state.learner(), state.trace(A), 0, T0.getEpochSecond());
        assertThat(first).isBetween(0.5, 0.75);
        int answers = 0;
        while (state.skills().get(A) == null || state.skills().get(A).mastery() < 0.8) {
            state = apply(state, answer(List.of(A), true, 0, T0.plusSeconds(60L * answers)))
                    .after();
            answers++;
        }
        assertThat(answers).isBetween(2, 6);
    }

    @Test
    void eachAnswerIsAReviewOfItsSkillsThatMovesTheirDueDate() {
        var first = apply(LearnerSnapshot.empty(STUDENT), answer(List.of(A, B), true, 0, T0));
        var a = first.after().skills().get(A);
        assertThat(a.memory().reviews()).isEqualTo(1);
        assertThat(a.dueAt()).isEqualTo(T0.plus(Duration.ofDays(2))); // Good: S0 = 2.3065 days
        var later = T0.plus(Duration.ofDays(2));
        var second = apply(first.after(), answer(List.of(A), false, 0, later));
        var lapsed = second.after().skills().get(A);
        assertThat(lapsed.memory().lapses()).isEqualTo(1);
        assertThat(lapsed.dueAt()).isEqualTo(later.plus(Duration.ofDays(1)));
        assertThat(second.after().skills().get(B))
                .isEqualTo(first.after().skills().get(B));
    }

    @Test
    void theItemGetsHarderWhenAnsweredWrongAndEasierWhenRight() {
        var start = LearnerSnapshot.empty(STUDENT);
        var right = apply(start, answer(List.of(A), true, 0, T0));
        var wrong = apply(start, answer(List.of(A), false, 0, T0));
        assertThat(right.itemStep()).isNegative();
        assertThat(right.itemEloStep()).isNegative();
        assertThat(wrong.itemStep()).isPositive();
        assertThat(wrong.itemEloStep()).isPositive();
        assertThat(right.predicted()).isEqualTo(wrong.predicted()).isBetween(0.0, 1.0);
    }
}
