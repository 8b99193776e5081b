package org.studyloop.mastery.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.SkillId;

/** The rules of the next-item choice. */
class SelectionTests {

    private static final SkillId A = new SkillId(UUID.randomUUID());
    private static final SkillId B = new SkillId(UUID.randomUUID());
    private static final SkillId C = new SkillId(UUID.randomUUID());
    private static final SkillId D = new SkillId(UUID.randomUUID());
    /** A ← B ← C, and D on its own. */
    private static final Map<SkillId, List<SkillId>> PREREQUISITES =
            Map.of(B, List.of(A), C, List.of(B), A, List.of(), D, List.of());

    private static List<SkillId> ready(List<SkillId> scope, Map<SkillId, Double> mastery) {
        return Selection.ready(scope, PREREQUISITES::get, mastery::get, 0.8);
    }

    @Test
    void aNewStudentStartsWithTheSkillsThatNeedNothing() {
        var fresh = Map.of(A, 0.6, B, 0.6, C, 0.6, D, 0.6);
        assertThat(ready(List.of(A, B, C, D), fresh)).containsExactly(A, D);
        assertThat(ready(List.of(C), fresh))
                .as("the weakest prerequisite, down the chain")
                .containsExactly(A);
    }

    @Test
    void masteringASkillOpensTheSkillsBuiltOnIt() {
        assertThat(ready(List.of(A, B, C, D), Map.of(A, 0.85, B, 0.5, C, 0.6, D, 0.9)))
                .containsExactly(B);
        assertThat(ready(List.of(C), Map.of(A, 0.85, B, 0.82, C, 0.3, D, 0.9))).containsExactly(C);
    }

    @Test
    void withEverythingMasteredTheWeakestComeFirst() {
        assertThat(ready(List.of(A, B, C, D), Map.of(A, 0.95, B, 0.81, C, 0.9, D, 0.85)))
                .containsExactly(B, D, C, A);
    }

    @Test
    void aSkillPractisedMaxRunTimesInARowGivesWayToAnother() {
        var ready = List.of(A, D);
        assertThat(Selection.balanced(ready, List.of(List.of(A), List.of(A)), 3))
                .containsExactly(A, D);
        assertThat(Selection.balanced(ready, List.of(List.of(D), List.of(A), List.of(A), List.of(A)), 3))
                .containsExactly(D, A);
        assertThat(Selection.balanced(List.of(A), List.of(List.of(A), List.of(A), List.of(A)), 3))
                .containsExactly(A);
        assertThat(Selection.balanced(ready, List.of(List.of(A), List.of(D), List.of(A)), 3))
                .containsExactly(A, D);
    }

    @Test
    void theItemNearestTheTargetIsChosenAndExposureSpreadsOverTheNearest() {
        var predicted = Map.of("easy", 0.95, "good", 0.74, "near", 0.70, "fair", 0.82, "hard", 0.30);
        var items = List.copyOf(predicted.keySet());
        var random = new SplittableRandom(3);
        assertThat(Selection.nearest(items, predicted::get, 0.75, 1, random)).contains("good");
        var drawn = new HashSet<String>();
        var counts = new HashMap<String, Integer>();
        for (int i = 0; i < 300; i++) {
            var item = Selection.nearest(items, predicted::get, 0.75, 3, random).orElseThrow();
            drawn.add(item);
            counts.merge(item, 1, Integer::sum);
        }
        assertThat(drawn).containsExactlyInAnyOrder("good", "near", "fair");
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThan(60));
        assertThat(Selection.nearest(List.<String>of(), predicted::get, 0.75, 3, random))
                .isEmpty();
    }
}
