package org.studyloop.tutor.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.studyloop.catalog.SkillId;
import org.studyloop.tutor.memory.SkillNote;

/** The ladder's rule: where the first hint lands, and one rung a request until the solution. */
class HintLadderTests {

    static final List<SkillNote> NEEDED_THE_SOLUTION = List.of(new SkillNote(
            new SkillId(UUID.randomUUID()), SkillNote.Kind.LADDER, "needed the worked solution", 1, Instant.EPOCH));

    @Test
    void theFirstHintStartsHigherForLowMasteryAndRememberedStruggles() {
        assertThat(HintLadder.firstLevel(3, OptionalDouble.empty(), List.of())).isEqualTo(1);
        assertThat(HintLadder.firstLevel(3, OptionalDouble.of(0.6), List.of())).isEqualTo(1);
        assertThat(HintLadder.firstLevel(3, OptionalDouble.of(0.2), List.of())).isEqualTo(2);
        assertThat(HintLadder.firstLevel(3, OptionalDouble.empty(), NEEDED_THE_SOLUTION))
                .isEqualTo(2);
        assertThat(HintLadder.firstLevel(4, OptionalDouble.of(0.2), NEEDED_THE_SOLUTION))
                .isEqualTo(3);
        assertThat(HintLadder.firstLevel(2, OptionalDouble.of(0.2), NEEDED_THE_SOLUTION))
                .as("never past the last rung")
                .isEqualTo(2);
        assertThat(HintLadder.firstLevel(3, OptionalDouble.of(0.9), NEEDED_THE_SOLUTION))
                .as("a strong student starts at the bottom")
                .isEqualTo(1);
        assertThat(HintLadder.firstLevel(1, OptionalDouble.of(0.1), List.of())).isEqualTo(1);
    }

    @Test
    void eachRequestClimbsOneRungAndTheSolutionComesOnlyAfterTheLast() {
        assertThat(HintLadder.next(3, 0, false, false, 1)).isEqualTo(new HintLadder.Step(1, false));
        assertThat(HintLadder.next(3, 1, false, false, 1)).isEqualTo(new HintLadder.Step(2, false));
        assertThat(HintLadder.next(3, 2, false, false, 1)).isEqualTo(new HintLadder.Step(3, false));
        assertThat(HintLadder.next(3, 3, false, false, 1)).isEqualTo(new HintLadder.Step(3, true));
        assertThat(HintLadder.next(3, 0, false, true, 1))
                .as("an answered item shows its solution at once")
                .isEqualTo(new HintLadder.Step(0, true));
    }
}
